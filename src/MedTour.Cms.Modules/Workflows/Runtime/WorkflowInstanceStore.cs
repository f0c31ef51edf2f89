using System.Text.Json;
using System.Text.Json.Nodes;
using MedTour.Cms.Data;
using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Modules.Email;
using MedTour.Cms.Modules.Workflows.Engine;
using MedTour.Cms.Modules.Workflows.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Workflows.Runtime;

/// <summary>
/// The tenant's workflow instances in <c>WorkflowInstances</c>. <see cref="CheckpointAsync"/> saves an instance and the
/// effects of the activity that just ran in one transaction: mails through <see cref="MailOutbox"/>, other effects as
/// <c>WorkflowEffects</c> rows; an effect whose key is already stored is skipped, so nothing happens twice. Instances are
/// claimed (a lease in <c>ClaimedUntilUtc</c>) by one conditional UPDATE, so two hosts never run one instance at once.
/// The checkpoint does not move the tenant's change stamp: a workflow step invalidates no cache. Scoped.
/// </summary>
public sealed class WorkflowInstanceStore(CmsDbContext db, MailOutbox outbox, RequestNotes notes, IOptions<WorkflowOptions> options, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public async Task<WorkflowState?> FindAsync(string workflowId, CancellationToken cancellationToken = default)
    {
        var row = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.WorkflowId == workflowId, cancellationToken);
        return row is null ? null : Read(row);
    }

    public Task<bool> ExistsAsync(string workflowId, CancellationToken cancellationToken = default) =>
        db.WorkflowInstances.AnyAsync(i => i.WorkflowId == workflowId, cancellationToken);

    /// <summary>Takes the instance for this host until the lease ends; false when another run holds it.</summary>
    public async Task<bool> TryClaimAsync(string workflowId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + options.Value.ClaimLease;
        return await db.WorkflowInstances
            .Where(i => i.WorkflowId == workflowId && (i.ClaimedUntilUtc == null || i.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ClaimedUntilUtc, until), cancellationToken) == 1;
    }

    public Task ReleaseAsync(string workflowId, CancellationToken cancellationToken = default) =>
        db.WorkflowInstances.Where(i => i.WorkflowId == workflowId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ClaimedUntilUtc, (DateTime?)null), cancellationToken);

    /// <summary>Saves <paramref name="state"/> (inserted the first time, claimed by this run) with <paramref name="effects"/>, in one transaction.</summary>
    public async Task CheckpointAsync(WorkflowState state, IReadOnlyList<WorkflowEffect> effects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(effects);
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.WorkflowInstances.AsTracking().FirstOrDefaultAsync(i => i.WorkflowId == state.WorkflowId, cancellationToken);
        if (row is null)
        {
            row = new WorkflowInstanceRecord { WorkflowId = state.WorkflowId, CreatedUtc = state.CreatedUtc };
            db.WorkflowInstances.Add(row);
        }

        Write(state, row);
        // The run goes on after this checkpoint: its lease is renewed with every activity.
        row.ClaimedUntilUtc = state.Status == WorkflowStatus.Executing ? now + options.Value.ClaimLease : null;
        await AddEffectsAsync(effects, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task AddEffectsAsync(IReadOnlyList<WorkflowEffect> effects, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var effect in effects)
        {
            if (effect.Kind == WorkflowEffectKinds.Mail)
            {
                var to = Text(effect.Payload, "To");
                var key = MailOutbox.KeyFor(effect.Key, to);
                if (!await db.MailOutbox.AnyAsync(m => m.Key == key, cancellationToken))
                {
                    outbox.Add(effect.Key, to, new RenderedMail(Text(effect.Payload, "Subject"), Text(effect.Payload, "Html"), Text(effect.Payload, "Text")));
                }
            }
            else if (effect.Kind == WorkflowEffectKinds.Note)
            {
                await notes.AddAsync(Text(effect.Payload, "Reference"), Text(effect.Payload, "Kind"), Text(effect.Payload, "Text"), now, cancellationToken);
            }
            else if (!await db.WorkflowEffects.AnyAsync(e => e.Key == effect.Key, cancellationToken))
            {
                db.WorkflowEffects.Add(new WorkflowEffectRecord
                {
                    Key = effect.Key,
                    Kind = effect.Kind,
                    Payload = effect.Payload.ToJsonString(),
                    CreatedUtc = now,
                    NextAttemptUtc = now,
                });
            }
        }
    }

    private static string Text(JsonObject payload, string name) => payload[name]?.GetValue<string>() ?? string.Empty;

    public static WorkflowState Read(WorkflowInstanceRecord row) =>
        JsonSerializer.Deserialize<WorkflowState>(row.State, Json) ?? throw new InvalidOperationException($"Workflow {row.WorkflowId} has no state.");

    /// <summary>The saved state, or null when <paramref name="json"/> is not one (the admin shows it as such rather than failing).</summary>
    public static WorkflowState? TryRead(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<WorkflowState>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Write(WorkflowState state, WorkflowInstanceRecord row)
    {
        row.WorkflowTypeId = state.WorkflowTypeId;
        row.WorkflowTypeVersion = state.WorkflowTypeVersion;
        row.Status = state.Status.ToString();
        row.CorrelationId = state.CorrelationId is { Length: > 64 } tooLong ? tooLong[..64] : state.CorrelationId;
        row.State = JsonSerializer.Serialize(state, Json);
        row.ModifiedUtc = state.ModifiedUtc;
        row.DueUtc = state.Status == WorkflowStatus.Halted ? state.Blocking.Where(b => b.DueUtc is not null).Min(b => b.DueUtc) : null;
        row.FaultMessage = state.Fault is { } fault ? Truncate($"{fault.ActivityId}: {fault.Message}", 1024) : null;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
