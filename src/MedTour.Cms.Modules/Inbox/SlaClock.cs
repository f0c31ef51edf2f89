using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Modules.Consultations.Routing;

namespace MedTour.Cms.Modules.Inbox;

/// <summary>
/// Where a request stands against its acknowledgement deadline: the assignment (or the arrival) plus the region's SLA in
/// working hours, the same deadline the routing workflow's SLA timer uses (<see cref="RoutingSettings.SlaDueUtc"/>).
/// </summary>
public sealed record SlaClock(SlaState State, DateTime? DueUtc, TimeSpan Remaining)
{
    public static SlaClock For(SubmissionRecord submission, DateTime nowUtc, Func<DateTime, DateTime> dueFrom)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (!InboxStatuses.IsOpen(submission.Status))
        {
            return new SlaClock(SlaState.Stopped, null, TimeSpan.Zero);
        }

        if (submission.AcknowledgedUtc is not null)
        {
            return new SlaClock(SlaState.Acknowledged, null, TimeSpan.Zero);
        }

        ArgumentNullException.ThrowIfNull(dueFrom);
        var due = dueFrom(submission.AssignedUtc ?? submission.CreatedUtc);
        var remaining = due - nowUtc;
        return new SlaClock(remaining > TimeSpan.Zero ? SlaState.Running : SlaState.Overdue, due, remaining.Duration());
    }
}

public enum SlaState
{
    /// <summary>Waiting for acknowledgement, within the allowance.</summary>
    Running,
    Overdue,
    Acknowledged,
    /// <summary>Closed or spam: no clock.</summary>
    Stopped,
}
