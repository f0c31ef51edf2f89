using System.Text.Json.Nodes;

namespace MedTour.Cms.Modules.Workflows.Model;

/// <summary>
/// A workflow type in Orchard's shape (the <c>WorkflowType</c> recipe step's records): activities joined by
/// transitions from an outcome of one to the next. <see cref="Version"/> grows with every saved change; a running
/// instance keeps the version it started on.
/// </summary>
public sealed class WorkflowType
{
    public required string WorkflowTypeId { get; set; }
    public required string Name { get; set; }
    public int Version { get; set; } = 1;
    public bool IsEnabled { get; set; } = true;

    /// <summary>At most one unfinished instance at a time.</summary>
    public bool IsSingleton { get; set; }

    public bool DeleteFinishedWorkflows { get; set; }
    public List<ActivityRecord> Activities { get; set; } = [];
    public List<Transition> Transitions { get; set; } = [];

    public ActivityRecord? FindActivity(string activityId) => Activities.Find(a => a.ActivityId == activityId);
}

/// <summary>One activity of a workflow type: which activity (<see cref="Name"/>, e.g. <c>IfElseTask</c>) and its settings.</summary>
public sealed class ActivityRecord
{
    public required string ActivityId { get; set; }
    public required string Name { get; set; }
    public int X { get; set; }
    public int Y { get; set; }

    /// <summary>An event activity that starts new instances.</summary>
    public bool IsStart { get; set; }

    public JsonObject Properties { get; set; } = [];
}

/// <summary>From an outcome of one activity to the next activity.</summary>
public sealed class Transition
{
    public int Id { get; set; }
    public required string SourceActivityId { get; set; }
    public required string SourceOutcomeName { get; set; }
    public required string DestinationActivityId { get; set; }
}
