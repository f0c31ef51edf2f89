using System.Collections.Concurrent;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Modules.Workflows.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Workflows.Host;

/// <summary>
/// Runs every running tenant's workflows in the background: handles the <c>WorkflowEvents</c> outbox (claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL, a lease on SQLite), continues instances a crashed host left executing,
/// fires timers that came due (also those due while no host ran), calls webhooks, and purges finished instances after
/// the retention period. Woken at once by <see cref="WorkflowWake"/>, else every <see cref="WorkflowOptions.PollInterval"/>.
/// Off when <c>MedTour:Workflows:HostEnabled</c> is false (tests call <see cref="RunOnceAsync(CancellationToken)"/>). Singleton.
/// </summary>
public sealed partial class WorkflowHost(
    TenantRegistry registry,
    TenantScopeFactory scopes,
    WorkflowWake wake,
    IOptions<WorkflowOptions> options,
    TimeProvider clock,
    ILogger<WorkflowHost> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, DateTime> _lastPurge = new(StringComparer.OrdinalIgnoreCase);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.HostEnabled)
        {
            return;
        }

        await wake.RunAsync(RunOnceAsync, options.Value.PollInterval, stoppingToken);
    }

    /// <summary>One pass over every running tenant.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken = default)
    {
        foreach (var name in registry.All.Select(t => t.Name))
        {
            if (registry.Find(name) is not { State: TenantState.Running } tenant)
            {
                continue;
            }

            try
            {
                await RunOnceAsync(tenant, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogTenantFailed(e, tenant.Name);
            }
        }
    }

    /// <summary>One pass over one tenant: events, orphaned runs, due timers, webhooks, and the purge when its time has come.</summary>
    public async Task RunOnceAsync(TenantSettings tenant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        await using (var scope = scopes.CreateScope(tenant))
        {
            await scope.ServiceProvider.GetRequiredService<WorkflowEventPump>().HandleDueAsync(cancellationToken);
        }

        await using (var scope = scopes.CreateScope(tenant))
        {
            await scope.ServiceProvider.GetRequiredService<WorkflowInstancePump>().ContinueOrphansAsync(cancellationToken);
        }

        await using (var scope = scopes.CreateScope(tenant))
        {
            await scope.ServiceProvider.GetRequiredService<WorkflowInstancePump>().FireDueTimersAsync(cancellationToken);
        }

        await using (var scope = scopes.CreateScope(tenant))
        {
            await scope.ServiceProvider.GetRequiredService<WebhookSender>().SendDueAsync(cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (now - _lastPurge.GetValueOrDefault(tenant.Name) >= options.Value.PurgeInterval)
        {
            _lastPurge[tenant.Name] = now;
            await using var scope = scopes.CreateScope(tenant);
            await scope.ServiceProvider.GetRequiredService<WorkflowPurge>().PurgeAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflows of tenant {Tenant} could not be run")]
    private partial void LogTenantFailed(Exception error, string tenant);
}
