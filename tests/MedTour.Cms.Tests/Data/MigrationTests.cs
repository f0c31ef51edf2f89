using MedTour.Cms.Data;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Tests.Data;

/// <summary>Each provider's migrations build the schema from an empty database, match the model, and keep data when run again.</summary>
public sealed class MigrationTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("medtour-migrations-").FullName;
    private string? _postgres;

    [Fact]
    public Task Sqlite_migrates_an_empty_database() => MigratesAsync(DatabaseOptions.Sqlite);

    [Fact]
    public async Task Postgres_migrates_an_empty_schema()
    {
        _postgres = await PostgresServer.CreateDatabaseAsync();
        await MigratesAsync(DatabaseOptions.Postgres);
    }

    private async Task MigratesAsync(string provider)
    {
        var paths = new AppPaths(Options.Create(new CmsOptions { AppDataPath = _folder }), new HostingEnvironment { ContentRootPath = _folder });
        var factory = new TenantDbContextFactory(paths, Options.Create(new DatabaseOptions { Provider = provider, ConnectionString = _postgres }), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, new MedTour.Cms.Data.ChangeStamps.ChangeStampInterceptor(), new AfterCommit());
        var migrator = new TenantDatabaseMigrator(factory);
        var tenant = new TenantSettings { Name = "fresh" };

        await migrator.MigrateAsync(tenant);
        await using (var db = factory.Create(tenant))
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration describes: add one with dotnet ef migrations add.");
            db.Documents.Add(new DocumentRecord { Name = "kept", Content = "{}", Version = 1 });
            await db.SaveChangesAsync();
        }

        await migrator.MigrateAsync(tenant);

        await using var again = factory.Create(tenant);
        Assert.Equal(1, await again.Documents.CountAsync(d => d.Name == "kept"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        if (_postgres is not null)
        {
            await PostgresServer.DropDatabaseAsync(_postgres);
        }
    }
}
