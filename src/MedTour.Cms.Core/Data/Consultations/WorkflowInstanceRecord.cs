namespace MedTour.Cms.Data.Consultations;

/// <summary>
/// A workflow instance, saved after every activity (its whole state as JSON in <see cref="State"/>). The columns beside
/// it are what background work and the admin select on without reading the JSON: status, the type and version it
/// runs, what it is correlated with, when its next timer is due, and a host's claim while it runs.
/// </summary>
public sealed class WorkflowInstanceRecord
{
    public long Id { get; set; }
    public string WorkflowId { get; set; } = string.Empty;
    public string WorkflowTypeId { get; set; } = string.Empty;
    public int WorkflowTypeVersion { get; set; }
    /// <summary>Executing, Halted, Finished or Faulted (<c>WorkflowStatus</c> by name).</summary>
    public string Status { get; set; } = string.Empty;
    public string? CorrelationId { get; set; }
    public string State { get; set; } = "{}";
    public DateTime CreatedUtc { get; set; }
    public DateTime ModifiedUtc { get; set; }
    /// <summary>The earliest timer the instance waits on; null when it waits on none.</summary>
    public DateTime? DueUtc { get; set; }
    /// <summary>A host running the instance owns it until then (a crashed host's claim expires).</summary>
    public DateTime? ClaimedUntilUtc { get; set; }
    public string? FaultMessage { get; set; }
}
