using MedTour.Cms.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Security;

/// <summary>
/// Creates (migrates) the key table on PostgreSQL before the server takes requests; EF Core's migration lock keeps
/// two hosts starting together from racing. Nothing to do on SQLite (the key folder is made on first write).
/// </summary>
public sealed class DataProtectionKeysMigrator(IServiceScopeFactory scopes, IOptions<DatabaseOptions> database) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!MedTourDataProtection.UsesDatabase(database.Value))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DataProtectionKeysDbContext>().Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
