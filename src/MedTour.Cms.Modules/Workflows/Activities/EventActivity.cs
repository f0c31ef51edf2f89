using System.Text.Json.Nodes;
using MedTour.Cms.Modules.Workflows.Engine;

namespace MedTour.Cms.Modules.Workflows.Activities;

/// <summary>An event activity: reached inside a run it waits; it accepts events of its name that pass its filter.</summary>
public abstract class EventActivity : IActivity
{
    public abstract string Name { get; }

    /// <summary>The name of the <see cref="WorkflowEvent"/> this activity listens for.</summary>
    protected abstract string EventName { get; }

    public ActivityKind Kind => ActivityKind.Event;

    public virtual IReadOnlyList<string> Outcomes(JsonObject properties) => ["Done"];

    public virtual IEnumerable<(string Property, string Message)> Validate(JsonObject properties) => [];

    public Task<ActivityResult> ExecuteAsync(ActivityContext context) => Task.FromResult(ActivityResult.Halt);

    public bool Accepts(ActivityContext context, WorkflowEvent workflowEvent)
    {
        ArgumentNullException.ThrowIfNull(workflowEvent);
        return string.Equals(workflowEvent.Name, EventName, StringComparison.OrdinalIgnoreCase) && Filter(context, workflowEvent);
    }

    protected virtual bool Filter(ActivityContext context, WorkflowEvent workflowEvent) => true;

    public virtual Task<ActivityResult> ResumeAsync(ActivityContext context) => Task.FromResult(ActivityResult.Done);

    public virtual DateTime? DueUtc(ActivityContext context) => null;

    /// <summary>An event's input value as text.</summary>
    protected static string? InputText(WorkflowEvent workflowEvent, string name) =>
        workflowEvent.Input[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
