using MedTour.Cms.Modules.Workflows.Model;

namespace MedTour.Cms.Modules.Workflows.Runtime;

/// <summary>Which instances the admin lists: by type, status, correlation; newest first, a page at a time.</summary>
public sealed record WorkflowInstanceQuery(string? WorkflowTypeId = null, WorkflowStatus? Status = null, string? CorrelationId = null, int Skip = 0, int Take = 50);

/// <summary>One instance as a list shows it, without its state.</summary>
public sealed record WorkflowInstanceSummary(
    string WorkflowId, string WorkflowTypeId, int WorkflowTypeVersion, WorkflowStatus Status, string? CorrelationId,
    DateTime CreatedUtc, DateTime ModifiedUtc, DateTime? DueUtc, string? FaultMessage);

public sealed record WorkflowInstancePage(IReadOnlyList<WorkflowInstanceSummary> Items, int Total);

/// <summary>What an event did: instances it started, instances it resumed, and instances another run held (the event is tried again later).</summary>
public sealed record WorkflowTriggerResult(IReadOnlyList<string> Started, IReadOnlyList<string> Resumed, IReadOnlyList<string> Busy)
{
    public static WorkflowTriggerResult None { get; } = new([], [], []);
}
