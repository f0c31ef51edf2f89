using System.Text.Json;
using MedTour.Cms.Data;
using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Modules.Workflows.Engine;
using MedTour.Cms.Modules.Workflows.Model;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.WorkflowsAdmin;

/// <summary>
/// Runs a faulted instance again from the activity that failed, on the version of its type it started on, saving its
/// state and the effects of each activity after every step. Scoped.
/// </summary>
public sealed class WorkflowInstanceRetry(CmsDbContext db, WorkflowTypeStore types, WorkflowExecutor executor, IServiceProvider services, TimeProvider clock)
{
    /// <summary>Retries <paramref name="record"/>; returns its status afterwards (Faulted again if the activity fails again).</summary>
    public async Task<string> RetryAsync(WorkflowInstanceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var state = WorkflowStateJson.TryRead(record.State);
        var type = state is null ? null : await types.FindAsync(state.WorkflowTypeId, state.WorkflowTypeVersion);
        if (state is null || type is null || state.Fault is null)
        {
            // Nothing to run again: the row cannot be read or its type version is gone. It stays faulted, with a reason.
            await db.WorkflowInstances.Where(i => i.Id == record.Id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.FaultMessage, "Cannot retry: the saved state or its workflow type version is missing."));
            return record.Status;
        }

        await executor.RetryAsync(type, state, services, (s, effects) => CheckpointAsync(record.Id, s, effects));
        return state.Status.ToString();
    }

    private async Task CheckpointAsync(long id, WorkflowState state, IReadOnlyList<WorkflowEffect> effects)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var keys = effects.Select(e => e.Key).ToList();
        var existing = keys.Count == 0 ? [] : await db.WorkflowEffects.Where(e => keys.Contains(e.Key)).Select(e => e.Key).ToListAsync();
        foreach (var effect in effects.Where(e => !existing.Contains(e.Key)))
        {
            db.WorkflowEffects.Add(new WorkflowEffectRecord { Key = effect.Key, Kind = effect.Kind, Payload = effect.Payload.ToJsonString(), CreatedUtc = now, NextAttemptUtc = now });
        }

        var record = await db.WorkflowInstances.AsTracking().FirstAsync(i => i.Id == id); // the context does not track by default
        record.State = JsonSerializer.Serialize(state, WorkflowStateJson.Options);
        record.Status = state.Status.ToString();
        record.ModifiedUtc = state.ModifiedUtc;
        record.FaultMessage = state.Fault?.Message;
        record.DueUtc = state.Blocking.Where(b => b.DueUtc is not null).Min(b => b.DueUtc);
        await db.SaveChangesAsync();
    }
}
