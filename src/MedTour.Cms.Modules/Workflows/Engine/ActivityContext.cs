using System.Text.Json.Nodes;
using MedTour.Cms.Modules.Workflows.Model;

namespace MedTour.Cms.Modules.Workflows.Engine;

/// <summary>One execution of one activity: the instance, the activity's record, the event being handled, and where effects go.</summary>
public sealed class ActivityContext(WorkflowType type, WorkflowState state, ActivityRecord activity, WorkflowEvent? workflowEvent,
    WorkflowExpressions expressions, IServiceProvider services, DateTime nowUtc)
{
    public WorkflowType Type { get; } = type;
    public WorkflowState State { get; } = state;
    public ActivityRecord Activity { get; } = activity;
    public WorkflowEvent? Event { get; } = workflowEvent;
    public WorkflowExpressions Expressions { get; } = expressions;
    public IServiceProvider Services { get; } = services;
    public DateTime NowUtc { get; } = nowUtc;
    public JsonObject Properties => Activity.Properties;
    public List<WorkflowEffect> Effects { get; } = [];

    /// <summary>A string property of the activity, or null.</summary>
    public string? Text(string property) => Properties[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The idempotency key of an effect of this activity in this instance (plus what distinguishes it, e.g. the recipient).</summary>
    public string EffectKey(string discriminator) => $"{State.WorkflowId}/{Activity.ActivityId}/{State.Journal.Count}/{discriminator}";
}
