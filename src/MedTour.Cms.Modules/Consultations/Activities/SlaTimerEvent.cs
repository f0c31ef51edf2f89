using System.Globalization;
using System.Text.Json.Nodes;
using MedTour.Cms.Modules.Consultations.Routing;
using MedTour.Cms.Modules.Workflows.Activities;
using MedTour.Cms.Modules.Workflows.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Consultations.Activities;

/// <summary>
/// Waits for a deadline counted in the region's working hours (<see cref="Sla.WorkingHours"/>): <c>Deadline</c> is
/// <c>Acknowledge</c> (the SLA, default 2 working hours) or <c>Reassign</c> (the time after the lead's alert), both from
/// the tenant's routing settings, or <c>Hours</c> overrides them. The due time is computed when the timer is reached and
/// kept in the instance, so a change of settings does not move a running clock. The workflow host fires it like any
/// timer (the <c>Timer</c> event for this activity and instance), once, even if it came due while the host was down.
/// </summary>
public sealed class SlaTimerEvent : IActivity
{
    public string Name => "SlaTimerEvent";

    public ActivityKind Kind => ActivityKind.Event;

    public IReadOnlyList<string> Outcomes(JsonObject properties) => ["Done"];

    public IEnumerable<(string Property, string Message)> Validate(JsonObject properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var deadline = ActivityProperties.Expression(properties, "Deadline");
        if (deadline is not null and not "Acknowledge" and not "Reassign")
        {
            yield return ("Deadline", $"'{deadline}' is neither Acknowledge nor Reassign.");
        }

        if (ActivityProperties.Expression(properties, "Hours") is { } hours && (!double.TryParse(hours, NumberStyles.Float, CultureInfo.InvariantCulture, out var h) || h <= 0))
        {
            yield return ("Hours", $"'{hours}' is not a positive number of working hours.");
        }
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = await context.Services.GetRequiredService<RoutingSettingsStore>().GetAsync();
        var hours = ActivityProperties.Expression(context.Properties, "Hours") is { } text
            ? double.Parse(text, CultureInfo.InvariantCulture)
            : ActivityProperties.Expression(context.Properties, "Deadline") == "Reassign" ? settings.ReassignAfterHours : settings.SlaHours;
        var due = settings.WorkingHours.AddWorkingTime(context.NowUtc, TimeSpan.FromHours(hours));
        context.State.Properties[DueKey(context)] = due.ToString("O", CultureInfo.InvariantCulture);
        return ActivityResult.Halt;
    }

    public DateTime? DueUtc(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.State.Properties[DueKey(context)] is JsonValue v && v.TryGetValue<string>(out var s)
            ? DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : context.NowUtc;
    }

    /// <summary>The Timer event of this activity in this instance, as for <see cref="TimerEvent"/>.</summary>
    public bool Accepts(ActivityContext context, WorkflowEvent workflowEvent)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(workflowEvent);
        return string.Equals(workflowEvent.Name, TimerEvent.Event, StringComparison.OrdinalIgnoreCase)
            && workflowEvent.Input["ActivityId"] is JsonValue v && v.TryGetValue<string>(out var id) && id == context.Activity.ActivityId
            && workflowEvent.CorrelationId == context.State.WorkflowId;
    }

    public Task<ActivityResult> ResumeAsync(ActivityContext context) => Task.FromResult(ActivityResult.Done);

    private static string DueKey(ActivityContext context) => "SlaDue:" + context.Activity.ActivityId;
}
