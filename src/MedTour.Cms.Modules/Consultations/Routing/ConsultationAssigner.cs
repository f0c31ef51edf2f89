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
/// <c>reassigned</c>) history row naming the rule. The changes are only staged on the scoped <see cref="CmsDbContext"/>:
/// the workflow's checkpoint saves them with the instance, so a crash never leaves half an assignment. Scoped.
/// </summary>
public sealed class ConsultationAssigner(
    CmsDbContext db,
    CurrentTenant tenant,
    CoordinatorDirectory directory,
    RoutingSettingsStore settings,
    IDataProtectionProvider provider,
    IHttpContextAccessor http,
    TimeProvider clock)
{
    /// <summary>How far back assignments count for the weighted round-robin.</summary>
    public static readonly TimeSpan RoundRobinWindow = TimeSpan.FromDays(30);

    public async Task<RoutingDecision?> AssignAsync(SubmissionRecord submission, IReadOnlySet<string>? excluded = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var now = clock.GetUtcNow();
        var since = now.UtcDateTime - RoundRobinWindow;
        var counts = await db.Submissions.AsNoTracking()
            .Where(s => s.CoordinatorId != null && s.AssignedUtc >= since)
            .GroupBy(s => s.CoordinatorId!)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);
        var routing = await settings.GetAsync(cancellationToken);
        var decision = ConsultationRouter.Route(Request(submission), await directory.AllAsync(cancellationToken), routing.Rules, counts,
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
        });
        return decision;
    }

    /// <summary>The submission, tracked (so an assignment is saved with the checkpoint); by id, else by reference.</summary>
    public Task<SubmissionRecord?> FindAsync(long? id, string? reference, CancellationToken cancellationToken = default) =>
        id is { } key
            ? db.Submissions.AsTracking().FirstOrDefaultAsync(s => s.Id == key, cancellationToken)
            : db.Submissions.AsTracking().FirstOrDefaultAsync(s => s.Reference == reference, cancellationToken);

    private RoutingRequest Request(SubmissionRecord submission)
    {
        var protector = TenantProtectors.For(provider, http, tenant.Settings, SubmissionStore.FieldsPurpose);
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(protector.Unprotect(submission.ProtectedFields)) ?? [];
        string? Answer(string name) => fields.GetValueOrDefault(name) is { Length: > 0 } value ? value.Trim().ToLowerInvariant() : null;
        var specialties = new[] { Answer("specialty"), Answer("specialties") }.OfType<string>()
            .SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet();
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
