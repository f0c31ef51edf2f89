using System.Globalization;
using System.Security.Claims;
using MedTour.Cms.Data;
using MedTour.Cms.Data.Consultations;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.Inbox;

/// <summary>
/// The inbox's changes to a request. Each is one conditional <c>UPDATE</c> (on the state the user saw, so two people
/// acting at once cannot both win) and its <c>SubmissionHistory</c> row in one transaction. Scoped.
/// </summary>
public sealed class InboxActions(CmsDbContext db, SubmissionSecrets secrets, IHttpContextAccessor http, TimeProvider clock)
{
    public const int MaxNoteLength = 4000;

    /// <summary>Moves the request to <paramref name="status"/> (the caller checked the transition). The assigned coordinator's change also acknowledges it.</summary>
    public async Task<InboxChange> ChangeStatusAsync(SubmissionRecord submission, string status, InboxViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(viewer);
        var now = Now;
        var from = submission.Status;
        DateTime? acknowledged = viewer.IsAssigned(submission.CoordinatorId) ? now : null;
        var converted = status == InboxStatuses.Scheduled ? now : submission.ConvertedUtc;
        return await InTransactionAsync(async () =>
        {
            var rows = await db.Submissions.Where(s => s.Id == submission.Id && s.Status == from).ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Status, status)
                .SetProperty(s => s.ConvertedUtc, converted)
                .SetProperty(s => s.AcknowledgedUtc, s => s.AcknowledgedUtc ?? acknowledged)
                .SetProperty(s => s.ModifiedUtc, now), cancellationToken);
            if (rows == 0)
            {
                return InboxChange.Conflict;
            }

            if (acknowledged is not null && submission.AcknowledgedUtc is null)
            {
                History(submission, InboxHistoryKinds.Acknowledged, viewer.UserName, now, submission.CoordinatorId);
            }

            History(submission, InboxHistoryKinds.Status, viewer.UserName, now, submission.CoordinatorId, value: status);
            return InboxChange.Done;
        }, cancellationToken);
    }

    public async Task AddNoteAsync(SubmissionRecord submission, string text, InboxViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(viewer);
        var now = Now;
        await InTransactionAsync(async () =>
        {
            await db.Submissions.Where(s => s.Id == submission.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.ModifiedUtc, now), cancellationToken);
            History(submission, InboxHistoryKinds.Note, viewer.UserName, now, submission.CoordinatorId, protectedText: secrets.ProtectNote(text));
            return InboxChange.Done;
        }, cancellationToken);
    }

    /// <summary>Hands the request to <paramref name="coordinatorId"/>: a new assignment, so the SLA clock starts again.</summary>
    public async Task<InboxChange> ReassignAsync(SubmissionRecord submission, string coordinatorId, InboxViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(viewer);
        if (submission.CoordinatorId == coordinatorId)
        {
            return InboxChange.Unchanged;
        }

        var now = Now;
        var previous = submission.CoordinatorId;
        return await InTransactionAsync(async () =>
        {
            var rows = await db.Submissions.Where(s => s.Id == submission.Id && s.CoordinatorId == previous).ExecuteUpdateAsync(set => set
                .SetProperty(s => s.CoordinatorId, coordinatorId)
                .SetProperty(s => s.AssignedUtc, now)
                .SetProperty(s => s.AcknowledgedUtc, (DateTime?)null)
                .SetProperty(s => s.ModifiedUtc, now), cancellationToken);
            if (rows == 0)
            {
                return InboxChange.Conflict;
            }

            History(submission, InboxHistoryKinds.Reassigned, viewer.UserName, now, coordinatorId, value: previous);
            return InboxChange.Done;
        }, cancellationToken);
    }

    /// <summary>
    /// "I'll take it": <paramref name="coordinatorId"/> acknowledges a request assigned to them, or takes one assigned to
    /// nobody (a regional inbox). A request already acknowledged, or another coordinator's, is a conflict.
    /// </summary>
    public async Task<InboxChange> AcknowledgeAsync(SubmissionRecord submission, string coordinatorId, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (submission.AcknowledgedUtc is not null && submission.CoordinatorId == coordinatorId)
        {
            return InboxChange.Unchanged;
        }

        var now = Now;
        return await InTransactionAsync(async () =>
        {
            var rows = await db.Submissions
                .Where(s => s.Id == submission.Id && s.AcknowledgedUtc == null && (s.CoordinatorId == coordinatorId || s.CoordinatorId == null))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(s => s.CoordinatorId, coordinatorId)
                    .SetProperty(s => s.AssignedUtc, s => s.AssignedUtc ?? now)
                    .SetProperty(s => s.AcknowledgedUtc, now)
                    .SetProperty(s => s.ModifiedUtc, now), cancellationToken);
            if (rows == 0)
            {
                return InboxChange.Conflict;
            }

            if (submission.CoordinatorId is null)
            {
                History(submission, InboxHistoryKinds.Assigned, actor, now, coordinatorId, rule: "taken");
            }

            History(submission, InboxHistoryKinds.Acknowledged, actor, now, coordinatorId);
            return InboxChange.Done;
        }, cancellationToken);
    }

    /// <summary>A file handed to a user: in the request's history and in the site's audit trail (the file's id, never its name).</summary>
    public async Task RecordDownloadAsync(SubmissionRecord submission, SubmissionFileRecord file, InboxViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(viewer);
        var now = Now;
        var fileId = file.Id.ToString(CultureInfo.InvariantCulture);
        await InTransactionAsync(() =>
        {
            History(submission, InboxHistoryKinds.Download, viewer.UserName, now, submission.CoordinatorId, value: fileId);
            var request = http.HttpContext;
            db.AuditTrailEvents.Add(new AuditTrailEventRecord
            {
                EventName = "downloaded",
                CreatedUtc = now,
                UserId = request?.User.FindFirstValue(ClaimTypes.NameIdentifier),
                UserName = viewer.UserName,
                ClientIpAddress = request?.Connection.RemoteIpAddress?.ToString(),
                ContentType = "Submission",
                ContentItemId = submission.Reference,
                DisplayText = submission.Reference,
                Comment = "file " + fileId,
            });
            return Task.FromResult(InboxChange.Done);
        }, cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private void History(SubmissionRecord submission, string kind, string actor, DateTime at, string? coordinatorId,
        string? value = null, string? rule = null, string? protectedText = null) =>
        db.SubmissionHistory.Add(new SubmissionHistoryRecord
        {
            SubmissionId = submission.Id, Kind = kind, AtUtc = at, Actor = actor, CoordinatorId = coordinatorId,
            Value = value, Rule = rule, ProtectedText = protectedText,
        });

    private async Task<InboxChange> InTransactionAsync(Func<Task<InboxChange>> change, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await change();
        if (result != InboxChange.Done)
        {
            db.ChangeTracker.Clear();
            return result;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
