namespace MedTour.Cms.Data.Consultations;

/// <summary>
/// What happened to a submission, one row per fact: an assignment (with the routing rule that matched), an
/// acknowledgement, a status change, a note (its text encrypted like the fields), a file download, an SLA alert.
/// The inbox shows it as the request's history; nothing here is updated after it is written.
/// </summary>
public sealed class SubmissionHistoryRecord
{
    public long Id { get; set; }
    public long SubmissionId { get; set; }
    /// <summary>assigned, acknowledged, status, note, download, alert, reassigned…</summary>
    public string Kind { get; set; } = string.Empty;
    public DateTime AtUtc { get; set; }
    /// <summary>The user name, or <c>routing</c>/<c>workflow</c> for automatic steps.</summary>
    public string Actor { get; set; } = string.Empty;
    public string? CoordinatorId { get; set; }
    /// <summary>The routing rule that matched, for assignments.</summary>
    public string? Rule { get; set; }
    /// <summary>The new status, or the file id downloaded.</summary>
    public string? Value { get; set; }
    /// <summary>A note's text, encrypted with the tenant's submissions purpose.</summary>
    public string? ProtectedText { get; set; }
}
