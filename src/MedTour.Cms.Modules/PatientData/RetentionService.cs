using MedTour.Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.PatientData;

/// <summary>
/// Runs every running tenant's <see cref="RetentionPurge"/> on an interval. A purge is idempotent (it removes what is
/// expired at that moment), so two hosts running it together only share the work. Logs tenants and counts, never data.
/// Singleton.
/// </summary>
public sealed partial class RetentionService(
    TenantRegistry registry,
    TenantScopeFactory scopes,
    IOptions<PatientDataOptions> options,
    TimeProvider clock,
    ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RetentionEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await PurgeAllAsync(stoppingToken);
        }
    }

    /// <summary>One pass over every running tenant; returns how many requests were purged.</summary>
    public async Task<int> PurgeAllAsync(CancellationToken cancellationToken = default)
    {
        var purged = 0;
        foreach (var tenant in registry.All.Where(t => t.State == TenantState.Running).ToList())
        {
            try
            {
                purged += (await PurgeAsync(tenant, cancellationToken)).Submissions;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogTenantFailed(e, tenant.Name);
            }
        }

        return purged;
    }

    public async Task<ErasedCounts> PurgeAsync(TenantSettings tenant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        await using var scope = scopes.CreateScope(tenant);
        var counts = await scope.ServiceProvider.GetRequiredService<RetentionPurge>()
            .RunAsync(clock.GetUtcNow().UtcDateTime, options.Value.BatchSize, cancellationToken);
        if (counts.Submissions > 0)
        {
            LogPurged(tenant.Name, counts.Submissions, counts.Files);
        }

        return counts;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention on {Tenant}: purged {Submissions} expired request(s) and {Files} file(s).")]
    private partial void LogPurged(string tenant, int submissions, int files);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention on {Tenant} failed; it is tried again on the next pass.")]
    private partial void LogTenantFailed(Exception exception, string tenant);
}
