using System.Text.Json.Nodes;
using MedTour.Cms.Modules.Workflows.Engine;
using NCrontab;

namespace MedTour.Cms.Modules.Workflows.Activities;

/// <summary>
/// Orchard's TimerEvent: waits until the next occurrence of <c>CronExpression</c> (five fields, UTC), or, beyond Orchard,
/// <c>Delay</c> (a TimeSpan such as <c>02:00:00</c>) after it was reached. The background service sends the Timer event
/// to instances whose time has come, once, including those that came due while the host was down.
/// </summary>
public sealed class TimerEvent : EventActivity
{
    public const string Event = "Timer";
    public override string Name => "TimerEvent";
    protected override string EventName => Event;

    public override IEnumerable<(string Property, string Message)> Validate(JsonObject properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var cron = ActivityProperties.Expression(properties, "CronExpression");
        var delay = ActivityProperties.Expression(properties, "Delay");
        if (cron is null && delay is null)
        {
            return [("CronExpression", "give a CronExpression or a Delay.")];
        }

        if (cron is not null && CrontabSchedule.TryParse(cron) is null)
        {
            return [("CronExpression", $"'{cron}' is not a five-field cron expression.")];
        }

        return delay is not null && !TimeSpan.TryParse(delay, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? [("Delay", $"'{delay}' is not a duration (hh:mm:ss or d.hh:mm:ss).")]
            : [];
    }

    public override DateTime? DueUtc(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ActivityProperties.Expression(context.Properties, "Delay") is { } delay)
        {
            return context.NowUtc + TimeSpan.Parse(delay, System.Globalization.CultureInfo.InvariantCulture);
        }

        return CrontabSchedule.Parse(ActivityProperties.Expression(context.Properties, "CronExpression")!).GetNextOccurrence(context.NowUtc);
    }

    /// <summary>Only the timer of this instance whose time has come (the event carries the activity id and the instance).</summary>
    protected override bool Filter(ActivityContext context, WorkflowEvent workflowEvent)
    {
        ArgumentNullException.ThrowIfNull(context);
        return InputText(workflowEvent, "ActivityId") == context.Activity.ActivityId && workflowEvent.CorrelationId == context.State.WorkflowId;
    }
}
