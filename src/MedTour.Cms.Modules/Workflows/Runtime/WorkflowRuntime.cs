using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MedTour.Cms.Data;
using MedTour.Cms.Modules.Workflows.Activities;
using MedTour.Cms.Modules.Workflows.Engine;
using MedTour.Cms.Modules.Workflows.Model;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.Workflows.Runtime;

/// <summary>
/// What the rest of the application calls to run workflows of the current tenant: <see cref="TriggerAsync"/> an event
/// (starts instances of the latest enabled types whose start event accepts it, resumes halted instances correlated
/// with it that wait on it), <see cref="SignalAsync"/>, <see cref="RetryAsync"/> a faulted instance, and
/// <see cref="FindAsync"/>/<see cref="ListAsync"/> for the admin. Every run claims its instance first (one run per
/// instance across hosts), resumes on the type version the instance started on, and checkpoints after every activity
/// through <see cref="WorkflowInstanceStore"/>. Scoped.
/// </summary>
public sealed class WorkflowRuntime(
    WorkflowTypeStore types,
    WorkflowInstanceStore instances,
    WorkflowExecutor executor,
    CmsDbContext db,
    IServiceProvider services,
    TimeProvider clock)
{
    /// <summary>
    /// Starts and resumes what <paramref name="workflowEvent"/> concerns. <paramref name="eventKey"/> (the event row's
    /// id) makes handling the same event again start nothing twice.
    /// </summary>
    public async Task<WorkflowTriggerResult> TriggerAsync(WorkflowEvent workflowEvent, string? eventKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflowEvent);
        List<string> started = [], resumed = [], busy = [];
        foreach (var type in await types.LatestAsync(cancellationToken))
        {
            if (!type.IsEnabled || !type.Activities.Exists(a => a.IsStart))
            {
                continue;
            }

            var id = eventKey is null ? null : InstanceId(eventKey, type.WorkflowTypeId);
            if (id is not null && await instances.ExistsAsync(id, cancellationToken))
            {
                continue;
            }

            if (type.IsSingleton && await UnfinishedExistsAsync(type.WorkflowTypeId, cancellationToken))
            {
                continue;
            }

            try
            {
                if (await executor.StartAsync(type, workflowEvent, services, Checkpoint(cancellationToken), id) is { } state)
                {
                    started.Add(state.WorkflowId);
                }
            }
            catch (DbUpdateException) when (id is not null)
            {
                busy.Add(id); // another host started it from the same event meanwhile
            }
        }

        if (workflowEvent.CorrelationId is { Length: > 0 } correlation)
        {
            var candidates = await db.WorkflowInstances.AsNoTracking()
                .Where(i => i.Status == nameof(WorkflowStatus.Halted) && (i.CorrelationId == correlation || i.WorkflowId == correlation))
                .OrderBy(i => i.Id).Select(i => i.WorkflowId).Take(500).ToListAsync(cancellationToken);
            foreach (var workflowId in candidates.Except(started))
            {
                switch (await ResumeAsync(workflowId, workflowEvent, cancellationToken))
                {
                    case RunOutcome.Ran: resumed.Add(workflowId); break;
                    case RunOutcome.Busy: busy.Add(workflowId); break;
                }
            }
        }

        return new WorkflowTriggerResult(started, resumed, busy);
    }

    /// <summary>Sends the signal <paramref name="signal"/> to the instances correlated with <paramref name="correlationId"/> (or that instance).</summary>
    public Task<WorkflowTriggerResult> SignalAsync(string correlationId, string signal, JsonObject? input = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(correlationId);
        ArgumentException.ThrowIfNullOrEmpty(signal);
        var data = input?.DeepClone().AsObject() ?? [];
        data["Signal"] = signal;
        return TriggerAsync(new WorkflowEvent(SignalEvent.Event, data, correlationId), null, cancellationToken);
    }

    /// <summary>Runs a faulted instance again from the activity that failed; false when it is not faulted (or another run holds it).</summary>
    public async Task<bool> RetryAsync(string workflowId, CancellationToken cancellationToken = default) =>
        await RunClaimedAsync(workflowId, async (type, state) =>
        {
            if (state.Status != WorkflowStatus.Faulted)
            {
                return false;
            }

            await executor.RetryAsync(type, state, services, Checkpoint(cancellationToken));
            return true;
        }, cancellationToken) == RunOutcome.Ran;

    public Task<WorkflowState?> FindAsync(string workflowId, CancellationToken cancellationToken = default) => instances.FindAsync(workflowId, cancellationToken);

    public async Task<WorkflowInstancePage> ListAsync(WorkflowInstanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = db.WorkflowInstances.AsNoTracking();
        if (query.WorkflowTypeId is { Length: > 0 } typeId)
        {
            rows = rows.Where(i => i.WorkflowTypeId == typeId);
        }

        if (query.Status is { } status)
        {
            var name = status.ToString();
            rows = rows.Where(i => i.Status == name);
        }

        if (query.CorrelationId is { Length: > 0 } correlation)
        {
            rows = rows.Where(i => i.CorrelationId == correlation);
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(i => i.Id).Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 500)).ToListAsync(cancellationToken);
        return new WorkflowInstancePage(
            [.. page.Select(i => new WorkflowInstanceSummary(i.WorkflowId, i.WorkflowTypeId, i.WorkflowTypeVersion, Enum.Parse<WorkflowStatus>(i.Status),
                i.CorrelationId, i.CreatedUtc, i.ModifiedUtc, i.DueUtc, i.FaultMessage))],
            total);
    }

    /// <summary>Runs what a crashed run of an executing instance had scheduled (the host calls this for orphaned instances).</summary>
    public async Task<bool> ContinueAsync(string workflowId, CancellationToken cancellationToken = default) =>
        await RunClaimedAsync(workflowId, async (type, state) =>
        {
            if (state.Status != WorkflowStatus.Executing)
            {
                return false;
            }

            await executor.ContinueAsync(type, state, services, Checkpoint(cancellationToken));
            return true;
        }, cancellationToken) == RunOutcome.Ran;

    /// <summary>Sends the Timer event to each of the instance's timers that has come due, once (the host calls this).</summary>
    public async Task<bool> FireDueTimersAsync(string workflowId, CancellationToken cancellationToken = default) =>
        await RunClaimedAsync(workflowId, async (type, state) =>
        {
            var fired = false;
            while (state.Status == WorkflowStatus.Halted
                && state.Blocking.FirstOrDefault(b => b.DueUtc is { } due && due <= clock.GetUtcNow().UtcDateTime) is { } timer)
            {
                var tick = new WorkflowEvent(TimerEvent.Event, new JsonObject { ["ActivityId"] = timer.ActivityId }, state.WorkflowId);
                await executor.ResumeAsync(type, state, timer, tick, services, Checkpoint(cancellationToken));
                fired = true;
            }

            return fired;
        }, cancellationToken) == RunOutcome.Ran;

    private async Task<RunOutcome> ResumeAsync(string workflowId, WorkflowEvent workflowEvent, CancellationToken cancellationToken) =>
        await RunClaimedAsync(workflowId, async (type, state) =>
        {
            if (executor.Waiting(type, state, workflowEvent, services) is not [var blocking, ..])
            {
                return false;
            }

            await executor.ResumeAsync(type, state, blocking, workflowEvent, services, Checkpoint(cancellationToken));
            return true;
        }, cancellationToken);

    private enum RunOutcome
    {
        Ran,
        Nothing,
        Busy,
    }

    /// <summary>Claims the instance, reads it fresh, finds the type version it runs, runs <paramref name="run"/>, releases it.</summary>
    private async Task<RunOutcome> RunClaimedAsync(string workflowId, Func<WorkflowType, WorkflowState, Task<bool>> run, CancellationToken cancellationToken)
    {
        if (!await instances.TryClaimAsync(workflowId, cancellationToken))
        {
            return await instances.ExistsAsync(workflowId, cancellationToken) ? RunOutcome.Busy : RunOutcome.Nothing;
        }

        try
        {
            var state = await instances.FindAsync(workflowId, cancellationToken);
            var type = state is null ? null : await types.FindAsync(state.WorkflowTypeId, state.WorkflowTypeVersion, cancellationToken);
            if (state is null || type is null)
            {
                return RunOutcome.Nothing;
            }

            return await run(type, state) ? RunOutcome.Ran : RunOutcome.Nothing;
        }
        finally
        {
            // Also after a failure: the instance's last checkpoint stands, and the host may take it up again at once.
            await instances.ReleaseAsync(workflowId, CancellationToken.None);
        }
    }

    private Task<bool> UnfinishedExistsAsync(string workflowTypeId, CancellationToken cancellationToken) =>
        db.WorkflowInstances.AnyAsync(i => i.WorkflowTypeId == workflowTypeId
            && (i.Status == nameof(WorkflowStatus.Executing) || i.Status == nameof(WorkflowStatus.Halted)), cancellationToken);

    private WorkflowCheckpoint Checkpoint(CancellationToken cancellationToken) =>
        (state, effects) => instances.CheckpointAsync(state, effects, cancellationToken);

    /// <summary>The instance an event starts of a type: the same for the same event, so a retried event starts nothing twice.</summary>
    public static string InstanceId(string eventKey, string workflowTypeId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{eventKey}/{workflowTypeId}")))[..26];
}
