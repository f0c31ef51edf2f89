using MedTour.Cms.Data;
using MedTour.Cms.Data.ChangeStamps;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MedTour.Cms.Tenancy.Changes;

/// <summary>
/// On PostgreSQL, change stamps are pushed, not polled: one connection LISTENs on
/// <see cref="TenantChangeStamp.Channel"/>, whose payload (sent at commit by the writing transaction, in this
/// process or any other on the same database) is the tenant's schema. After a lost connection every tenant on
/// the database is reported changed, since notifications sent meanwhile are lost. Idle when the host's database
/// is SQLite.
/// </summary>
public sealed class PostgresChangeListener(
    TenantRegistry registry,
    TenantDbContextFactory databases,
    TenantObservers observers,
    IOptions<DatabaseOptions> defaults,
    ILogger<PostgresChangeListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!string.Equals(defaults.Value.Provider, DatabaseOptions.Postgres, StringComparison.OrdinalIgnoreCase) || defaults.Value.ConnectionString is null)
        {
            return;
        }

        var probe = new TenantSettings { Name = TenantSettings.DefaultName };
        var reconnected = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await databases.DataSourceOf(probe).OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => _ = OnChangeAsync(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {TenantChangeStamp.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (reconnected)
                {
                    foreach (var tenant in registry.All)
                    {
                        await observers.NotifyAsync(tenant.Name);
                    }
                }

                reconnected = true;
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Listening for tenant changes on PostgreSQL failed; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task OnChangeAsync(string schema)
    {
        foreach (var tenant in registry.All.Where(t => string.Equals(databases.SchemaOf(t), schema, StringComparison.Ordinal)))
        {
            await observers.NotifyAsync(tenant.Name);
        }
    }
}
