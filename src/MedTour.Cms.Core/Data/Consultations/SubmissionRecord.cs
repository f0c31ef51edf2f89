namespace MedTour.Cms.Data.Consultations;

/// <summary>
/// One accepted form submission. The fields (a JSON object) are encrypted with the tenant's Data Protection purpose;
/// only what the pipeline must compare without decrypting is kept in clear: keyed hashes of the phone and e-mail
/// (rate limits, returning patients) and the nonce of the form ticket (a replayed post is refused by its unique index).
/// </summary>
public sealed class SubmissionRecord
{
    public long Id { get; set; }
    /// <summary>Short reference shown to the patient (<c>UA-7KQ4-2M</c>); unique per tenant.</summary>
    public string Reference { get; set; } = string.Empty;
    public string FormId { get; set; } = string.Empty;
    public string Culture { get; set; } = string.Empty;
    public DateTime CreatedUtc { get; set; }
    public string ProtectedFields { get; set; } = string.Empty;
    public string? PhoneHash { get; set; }
    public string? EmailHash { get; set; }
    public string? TicketNonce { get; set; }
    public string? PrivacyNoticeVersion { get; set; }
    public string Status { get; set; } = "new";
    /// <summary>The coordinator item the request is assigned to; null while unassigned or sent to the regional inbox.</summary>
    public string? CoordinatorId { get; set; }
    public DateTime? AssignedUtc { get; set; }
    /// <summary>When the assigned coordinator took it ("I'll take it", or opening it in the inbox); stops the SLA clock.</summary>
    public DateTime? AcknowledgedUtc { get; set; }
    /// <summary>When the request became a scheduled consultation; retention purges only unconverted requests.</summary>
    public DateTime? ConvertedUtc { get; set; }
    public DateTime ModifiedUtc { get; set; }
}
