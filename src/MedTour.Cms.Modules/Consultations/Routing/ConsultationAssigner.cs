using System.Text.Json;
using MedTour.Cms.Data;
using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Modules.Forms;
using MedTour.Cms.Security;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.Consultations.Routing;

/// <summary>
/// Assigns a submission with <see cref="ConsultationRouter"/>: gathers what the pure function needs (the patient's
/// answers, decrypted only here; the coordinators; the recent assignments; the patient's previous coordinator by the
/// keyed hash of the E.164 phone or the e-mail), then sets the submission's coordinator and adds an <c>assigned</c> (or
/// <c>reassigned</c>) history row naming the rule, saved together in one <c>SaveChanges</c>. The row carries the workflow
/// step's key, so a step run again after a crash (before its checkpoint) replays the recorded decision. Scoped.
/// </summary>
public sealed class ConsultationAssigner(
    CmsDbContext db,
    CurrentTenant tenant,
    CoordinatorDirectory directory,
    ConditionSpecialties conditions,
    RoutingSettingsStore settings,
    IDataProtectionProvider provider,
    IHttpContextAccessor http,
    TimeProvider clock)
{
    /// <summary>How far back assignments count for the weighted round-robin.</summary>
    public static readonly TimeSpan RoundRobinWindow = TimeSpan.FromDays(30);

    /// <summary>
    /// Assigns <paramref name="submission"/> and saves it with its history row at once. <paramref name="stepKey"/> names the
    /// workflow step (instance, activity, position): the step run again after a crash finds its row and returns the same
    /// decision instead of routing twice.
    /// </summary>
    public async Task<RoutingDecision?> AssignAsync(SubmissionRecord submission, string stepKey, IReadOnlySet<string>? excluded = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var routing = await settings.GetAsync(cancellationToken);
        var coordinators = await directory.AllAsync(cancellationToken);
        var step = StepValue(stepKey);
        if (await db.SubmissionHistory.AsNoTracking().FirstOrDefaultAsync(h => h.SubmissionId == submission.Id && h.Value == step, cancellationToken) is { } done)
        {
            return Replay(done, coordinators, routing);
        }

        var now = clock.GetUtcNow();
        var since = now.UtcDateTime - RoundRobinWindow;
        var counts = await db.Submissions.AsNoTracking()
            .Where(s => s.CoordinatorId != null && s.AssignedUtc >= since)
            .GroupBy(s => s.CoordinatorId!)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);
        var decision = ConsultationRouter.Route(await RequestAsync(submission, cancellationToken), coordinators, routing.Rules, counts,
            excluded is null ? await PreviousAsync(submission, now, cancellationToken) : null, now, excluded);
        if (decision is null)
        {
            return null;
        }

        var reassigned = submission.AssignedUtc is not null;
        submission.CoordinatorId = decision.CoordinatorId;
        submission.AssignedUtc = now.UtcDateTime;
        submission.AcknowledgedUtc = null;
        submission.ModifiedUtc = now.UtcDateTime;
        db.SubmissionHistory.Add(new SubmissionHistoryRecord
        {
            SubmissionId = submission.Id,
            Kind = reassigned ? "reassigned" : "assigned",
            AtUtc = now.UtcDateTime,
            Actor = "routing",
            CoordinatorId = decision.CoordinatorId,
            Rule = decision.Rule,
            Value = step,
        });
        await db.SaveChangesAsync(cancellationToken);
        return decision;
    }

    /// <summary>Records that the SLA passed (an <c>alert</c> row), once per workflow step.</summary>
    public async Task RecordAlertAsync(SubmissionRecord submission, string stepKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var step = StepValue(stepKey);
        if (await db.SubmissionHistory.AnyAsync(h => h.SubmissionId == submission.Id && h.Value == step, cancellationToken))
        {
            return;
        }

        db.SubmissionHistory.Add(new SubmissionHistoryRecord
        {
            SubmissionId = submission.Id,
            Kind = "alert",
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = "workflow",
            CoordinatorId = submission.CoordinatorId,
            Value = step,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The decision a step already recorded (the coordinator's current address, or the rule's inbox).</summary>
    private static RoutingDecision? Replay(SubmissionHistoryRecord done, IReadOnlyList<Coordinator> coordinators, RoutingSettings routing)
    {
        var email = done.CoordinatorId is { } id
            ? coordinators.FirstOrDefault(c => c.Id == id)?.Email
            : routing.Rules.FirstOrDefault(r => r.Name == done.Rule)?.Inbox ?? routing.RegionalInbox;
        return email is null ? null : new RoutingDecision(done.CoordinatorId, email, done.Rule ?? string.Empty);
    }

    /// <summary>A step key fits the history's 64-character value column as a hash.</summary>
    private static string StepValue(string stepKey) =>
        "step:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(stepKey)))[..32];

    /// <summary>The submission, tracked (so an assignment is saved with the checkpoint); by id, else by reference.</summary>
    public Task<SubmissionRecord?> FindAsync(long? id, string? reference, CancellationToken cancellationToken = default) =>
        id is { } key
            ? db.Submissions.AsTracking().FirstOrDefaultAsync(s => s.Id == key, cancellationToken)
            : db.Submissions.AsTracking().FirstOrDefaultAsync(s => s.Reference == reference, cancellationToken);

    /// <summary>The answers routing reads; the free-text condition adds the specialties its condition term names (ADR 0034).</summary>
    private async Task<RoutingRequest> RequestAsync(SubmissionRecord submission, CancellationToken cancellationToken)
    {
        var protector = TenantProtectors.For(provider, http, tenant.Settings, SubmissionStore.FieldsPurpose);
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(protector.Unprotect(submission.ProtectedFields)) ?? [];
        string? Answer(string name) => fields.GetValueOrDefault(name) is { Length: > 0 } value ? value.Trim().ToLowerInvariant() : null;
        var specialties = new[] { Answer("specialty"), Answer("specialties") }.OfType<string>()
            .SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet();
        specialties.UnionWith(await conditions.ForAsync(fields.GetValueOrDefault("condition")));
        return new RoutingRequest(tenant.Name.ToLowerInvariant(), Answer("country"), Answer("destination"), Answer("language"), specialties);
    }

    private async Task<PreviousAssignment?> PreviousAsync(SubmissionRecord submission, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (submission.PhoneHash is null && submission.EmailHash is null)
        {
            return null;
        }

        var since = now.UtcDateTime - ConsultationRouter.ReturningPatientWindow;
        var phone = submission.PhoneHash;
        var email = submission.EmailHash;
        var previous = await db.Submissions.AsNoTracking()
            .Where(s => s.Id != submission.Id && s.CoordinatorId != null && s.AssignedUtc >= since
                && ((phone != null && s.PhoneHash == phone) || (email != null && s.EmailHash == email)))
            .OrderByDescending(s => s.AssignedUtc)
            .Select(s => new { s.CoordinatorId, s.AssignedUtc })
            .FirstOrDefaultAsync(cancellationToken);
        return previous is null ? null : new PreviousAssignment(previous.CoordinatorId!, new DateTimeOffset(previous.AssignedUtc!.Value, TimeSpan.Zero));
    }
}
