using MedTour.Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Infrastructure;

/// <summary>
/// A running MedTour host set up from the real recipes (Default, ukraine, europe, usa), shared by the tests of
/// a collection. Tests that change content use ids of their own so they do not disturb each other.
/// </summary>
public abstract class SiteFixture : IAsyncLifetime
{
    private readonly string _appData = Directory.CreateTempSubdirectory("medtour-test-").FullName;

    public CmsAppFactory Factory { get; private set; } = null!;

    public abstract string Provider { get; }

    /// <summary>The fixture's own PostgreSQL database (null on SQLite).</summary>
    public string? PostgresConnection { get; protected set; }

    /// <summary>Configuration a fixture adds to the host (a short background interval…).</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    public virtual async Task InitializeAsync()
    {
        Factory = NewFactory();
        await Factory.WaitUntilReadyAsync();
    }

    /// <summary>Stops the host and starts a new one on the same App_Data folder and database.</summary>
    public async Task RestartAsync()
    {
        await Factory.DisposeAsync();
        Factory = NewFactory();
        await Factory.WaitUntilReadyAsync();
    }

    /// <summary>Settings of a fixture's host beyond the defaults.</summary>
    protected virtual void Configure(Dictionary<string, string> settings)
    {
    }

    /// <summary>Anything else a fixture adds to its host (log sinks…).</summary>
    protected virtual void Configure(CmsAppFactory factory)
    {
    }

    private CmsAppFactory NewFactory()
    {
        var factory = new CmsAppFactory(_appData, PostgresConnection, Settings);
        Configure(factory.Settings);
        Configure(factory);
        return factory;
    }

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await TempFolder.DeleteAsync(_appData);
    }

    public HttpClient Client(string? host = null)
    {
        var client = Factory.CreateClient(new() { AllowAutoRedirect = false });
        if (host is not null)
        {
            client.DefaultRequestHeaders.Host = host;
        }

        return client;
    }

    /// <summary>A DI scope bound to one tenant, as a background job or the CLI would have.</summary>
    public AsyncServiceScope TenantScope(string tenant)
    {
        var settings = Factory.Services.GetRequiredService<TenantRegistry>().Find(tenant) ?? throw new TenantNotFoundException(tenant);
        return Factory.Services.GetRequiredService<TenantScopeFactory>().CreateScope(settings);
    }

    public T Service<T>() where T : notnull => Factory.Services.GetRequiredService<T>();
}

public class SqliteSite : SiteFixture
{
    public override string Provider => "Sqlite";
}

public class PostgresSite : SiteFixture
{
    public override string Provider => "Postgres";

    public override async Task InitializeAsync()
    {
        PostgresConnection = await PostgresServer.CreateDatabaseAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(PostgresConnection!);
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteSite>
{
    public const string Name = "SQLite site";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresSite>
{
    public const string Name = "PostgreSQL site";
}
