using System.Text.Json.Nodes;

namespace MedTour.Cms.Modules.Workflows.Engine;

public enum ActivityKind
{
    Task,
    Event,
}

/// <summary>
/// An activity of the catalogue, by Orchard's name (<c>IfElseTask</c>, <c>SignalEvent</c>…). Singleton and
/// stateless: everything of one execution is in the <see cref="ActivityContext"/>.
/// </summary>
public interface IActivity
{
    string Name { get; }

    ActivityKind Kind { get; }

    /// <summary>The outcomes a transition may leave from, given the activity's properties.</summary>
    IReadOnlyList<string> Outcomes(JsonObject properties);

    /// <summary>Problems with the properties, as (property, message); empty when valid.</summary>
    IEnumerable<(string Property, string Message)> Validate(JsonObject properties) => [];

    /// <summary>A task runs; an event reached inside a run usually halts (<see cref="ActivityResult.Halt"/>) until it arrives.</summary>
    Task<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>Whether an arriving event concerns this event activity (its filters: content type, signal name…).</summary>
    bool Accepts(ActivityContext context, WorkflowEvent workflowEvent) => false;

    /// <summary>An event arrived for an instance waiting on this activity, or starting at it.</summary>
    Task<ActivityResult> ResumeAsync(ActivityContext context) => Task.FromResult(ActivityResult.Done);

    /// <summary>For timers: when a waiting instance is due (null: not a timer).</summary>
    DateTime? DueUtc(ActivityContext context) => null;
}
