using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Modules.Inbox;

namespace MedTour.Cms.Tests.Inbox;

/// <summary>The SLA clock as a pure function of a request and the time.</summary>
public sealed class SlaClockTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan TwoHours = TimeSpan.FromHours(2);

    [Theory]
    [InlineData("new", -30, null, SlaState.Running, 90)]
    [InlineData("new", -150, null, SlaState.Overdue, 30)]
    [InlineData("contacted", -150, -100, SlaState.Acknowledged, 0)]
    [InlineData("closed", -600, null, SlaState.Stopped, 0)]
    [InlineData("spam", -600, null, SlaState.Stopped, 0)]
    public void The_clock_counts_from_the_assignment(string status, int assignedMinutes, int? acknowledgedMinutes, SlaState state, int remainingMinutes)
    {
        var submission = new SubmissionRecord
        {
            Status = status, CreatedUtc = Now.AddDays(-1), AssignedUtc = Now.AddMinutes(assignedMinutes),
            AcknowledgedUtc = acknowledgedMinutes is { } a ? Now.AddMinutes(a) : null,
        };
        var clock = SlaClock.For(submission, Now, start => start + TwoHours);
        Assert.Equal(state, clock.State);
        Assert.Equal(TimeSpan.FromMinutes(remainingMinutes), clock.Remaining);
    }

    [Fact]
    public void An_unassigned_request_counts_from_its_arrival()
    {
        var clock = SlaClock.For(new SubmissionRecord { Status = "new", CreatedUtc = Now.AddMinutes(-200) }, Now, start => start + TwoHours);
        Assert.Equal((SlaState.Overdue, TimeSpan.FromMinutes(80)), (clock.State, clock.Remaining));
    }

    [Theory]
    [InlineData("new", "contacted", true)]
    [InlineData("new", "spam", true)]
    [InlineData("new", "scheduled", false)]
    [InlineData("contacted", "scheduled", true)]
    [InlineData("scheduled", "closed", true)]
    [InlineData("scheduled", "contacted", false)]
    [InlineData("closed", "new", false)]
    [InlineData("spam", "contacted", false)]
    public void Status_transitions(string from, string to, bool allowed) => Assert.Equal(allowed, InboxStatuses.CanMove(from, to));
}
