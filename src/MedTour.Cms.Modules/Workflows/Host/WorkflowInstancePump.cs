using MedTour.Cms.Data;
using MedTour.Cms.Modules.Workflows.Model;
using MedTour.Cms.Modules.Workflows.Runtime;
using MedTour.Cms.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Workflows.Host;

/// <summary>
/// Finds the tenant's instances that need the host: executing ones no run holds (their host died mid-run: they continue
/// at the first activity not checkpointed) and halted ones whose timer is due (each timer fires once: the run that
/// fires it claims the instance and checkpoints it without that timer). Each instance in a scope of its own. Scoped.
/// </summary>
public sealed partial class WorkflowInstancePump(CmsDbContext db, IServiceScopeFactory scopes, CurrentTenant tenant, IOptions<Engine.WorkflowOptions> options,
    TimeProvider clock, ILogger<WorkflowInstancePump> logger)
{
    public async Task<int> ContinueOrphansAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.Status == nameof(WorkflowStatus.Executing) && (i.ClaimedUntilUtc == null || i.ClaimedUntilUtc < now))
            .OrderBy(i => i.Id).Select(i => i.WorkflowId).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
        return await EachAsync(ids, (runtime, id) => runtime.ContinueAsync(id, cancellationToken));
    }

    public async Task<int> FireDueTimersAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.Status == nameof(WorkflowStatus.Halted) && i.DueUtc <= now && (i.ClaimedUntilUtc == null || i.ClaimedUntilUtc < now))
            .OrderBy(i => i.DueUtc).Select(i => i.WorkflowId).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
        return await EachAsync(ids, (runtime, id) => runtime.FireDueTimersAsync(id, cancellationToken));
    }

    private async Task<int> EachAsync(List<string> ids, Func<WorkflowRuntime, string, Task<bool>> run)
    {
        var ran = 0;
        foreach (var id in ids)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentTenant>().Set(tenant.Settings);
                ran += await run(scope.ServiceProvider.GetRequiredService<WorkflowRuntime>(), id) ? 1 : 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogInstanceFailed(e, tenant.Name, id);
            }
        }

        return ran;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow {WorkflowId} of tenant {Tenant} could not be run; it is tried again later")]
    private partial void LogInstanceFailed(Exception error, string tenant, string workflowId);
}
