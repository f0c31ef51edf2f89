using System.Text.Json;
using System.Text.Json.Nodes;
using MedTour.Cms.Data;
using MedTour.Cms.Modules.Workflows.Engine;
using MedTour.Cms.Modules.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Workflows.Host;

/// <summary>
/// Handles the tenant's <c>WorkflowEvents</c> outbox: claims a batch, hands each event to a fresh
/// <see cref="WorkflowRuntime"/> under the key <c>event:{id}</c> (so handling it again starts nothing twice), then marks
/// it handled; an event whose instance another run holds is tried again shortly; one that fails is retried with
/// back-off and given up (kept, with its error) after <see cref="WorkflowOptions.EventMaxAttempts"/>. Scoped.
/// </summary>
public sealed partial class WorkflowEventPump(CmsDbContext db, IServiceScopeFactory scopes, Tenancy.CurrentTenant tenant, IOptions<WorkflowOptions> options,
    TimeProvider clock, ILogger<WorkflowEventPump> logger)
{
    public async Task<int> HandleDueAsync(CancellationToken cancellationToken = default)
    {
        var handled = 0;
        var o = options.Value;
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // A read first: most passes find nothing, and a read takes no write lock (SQLite has one writer).
            if (!await db.WorkflowEvents.AnyAsync(e => e.ProcessedUtc == null && (e.ClaimedUntilUtc == null || e.ClaimedUntilUtc < now), cancellationToken))
            {
                return handled;
            }

            var ids = await WorkClaims.EventsAsync(db, now, now + o.ClaimLease, o.BatchSize, cancellationToken);
            foreach (var id in ids.Order())
            {
                await HandleAsync(id, cancellationToken);
                handled++;
            }

            if (ids.Count < o.BatchSize)
            {
                return handled;
            }
        }
    }

    private async Task HandleAsync(long id, CancellationToken cancellationToken)
    {
        var row = await db.WorkflowEvents.AsNoTracking().FirstAsync(e => e.Id == id, cancellationToken);
        var input = JsonNode.Parse(row.Payload) as JsonObject ?? [];
        var workflowEvent = new WorkflowEvent(row.Name, input, string.IsNullOrEmpty(row.CorrelationId) ? null : row.CorrelationId);
        var events = db.WorkflowEvents.Where(e => e.Id == id);
        try
        {
            // Each event in a scope of its own: a failed run leaves nothing behind for the next.
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Tenancy.CurrentTenant>().Set(tenant.Settings);
            var result = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().TriggerAsync(workflowEvent, $"event:{id}", cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            if (result.Busy.Count > 0)
            {
                // Not a failure: another run holds an instance it concerns. Again in a moment, without using up an attempt.
                await events.ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedUntilUtc, now.AddSeconds(1)).SetProperty(e => e.Attempts, row.Attempts - 1), cancellationToken);
                return;
            }

            await events.ExecuteUpdateAsync(s => s.SetProperty(e => e.ProcessedUtc, now).SetProperty(e => e.ClaimedUntilUtc, (DateTime?)null)
                .SetProperty(e => e.LastError, (string?)null), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not JsonException)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var error = $"{e.GetType().Name}: {e.Message}";
            error = error.Length > 1024 ? error[..1024] : error;
            var givenUp = row.Attempts >= options.Value.EventMaxAttempts;
            var retryAt = now + TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, row.Attempts)));
            await events.ExecuteUpdateAsync(s => s.SetProperty(x => x.LastError, error).SetProperty(x => x.ClaimedUntilUtc, givenUp ? null : retryAt)
                .SetProperty(x => x.ProcessedUtc, givenUp ? now : null), CancellationToken.None);
            LogEventFailed(e, tenant.Name, id, row.Name, row.Attempts, givenUp);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow event {Id} ({Name}) of tenant {Tenant} failed on attempt {Attempt} (given up: {GivenUp})")]
    private partial void LogEventFailed(Exception error, string tenant, long id, string name, int attempt, bool givenUp);
}
