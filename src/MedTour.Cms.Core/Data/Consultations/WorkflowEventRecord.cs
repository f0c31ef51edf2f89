namespace MedTour.Cms.Data.Consultations;

/// <summary>
/// An outbox of workflow events (<c>FormSubmitted</c>…): written in the transaction of what caused it, consumed later by
/// the workflow host, so a crash between the two loses nothing.
/// </summary>
public sealed class WorkflowEventRecord
{
    public long Id { get; set; }
    public string Name { get; set; } = string.Empty;
    /// <summary>What the event is about (a submission's reference).</summary>
    public string CorrelationId { get; set; } = string.Empty;
    /// <summary>JSON without health data (ids and the form's name only).</summary>
    public string Payload { get; set; } = "{}";
    public DateTime CreatedUtc { get; set; }
    public DateTime? ProcessedUtc { get; set; }
    /// <summary>A host handling the event owns it until then (a crashed host's claim expires).</summary>
    public DateTime? ClaimedUntilUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
