using System.Text.Json.Nodes;

namespace MedTour.Cms.Modules.Workflows.Model;

public enum WorkflowStatus
{
    Executing,
    Halted,
    Finished,
    Faulted,
}

/// <summary>
/// A running workflow, saved after every activity: where it is (<see cref="Scheduled"/> activities not yet run,
/// <see cref="Blocking"/> events it waits for), its data and its journal. Everything needed to resume after a crash.
/// </summary>
public sealed class WorkflowState
{
    public required string WorkflowId { get; set; }
    public required string WorkflowTypeId { get; set; }
    public int WorkflowTypeVersion { get; set; }
    public WorkflowStatus Status { get; set; } = WorkflowStatus.Executing;

    /// <summary>Ties events to this instance (a submission's reference, a content item id).</summary>
    public string? CorrelationId { get; set; }

    public JsonObject Input { get; set; } = [];
    public JsonObject Properties { get; set; } = [];
    public JsonNode? LastResult { get; set; }

    /// <summary>Activities reached but not yet executed, in order (the run resumes here after a crash).</summary>
    public List<string> Scheduled { get; set; } = [];

    /// <summary>Event activities this instance waits for.</summary>
    public List<BlockingActivity> Blocking { get; set; } = [];

    public List<JournalEntry> Journal { get; set; } = [];
    public WorkflowFault? Fault { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime ModifiedUtc { get; set; }
}

/// <summary>An event activity an instance waits on; timers carry when they are due.</summary>
public sealed record BlockingActivity(string ActivityId, string Name, DateTime? DueUtc = null);

/// <summary>What an activity did: its outcomes, or its error.</summary>
public sealed record JournalEntry(string ActivityId, string Name, DateTime AtUtc, IReadOnlyList<string> Outcomes, string? Message = null);

public sealed record WorkflowFault(string ActivityId, string Message);
