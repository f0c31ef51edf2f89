namespace MedTour.Cms.Data;

/// <summary>
/// One change to a content item, as the audit trail keeps it (Orchard's AuditTrailEvent, flattened): what happened,
/// to which item and version, by whom, when and from where. Written in the transaction of the change itself.
/// </summary>
public sealed class AuditTrailEventRecord
{
    public long Id { get; set; }
    /// <summary>created, saved, published, unpublished, deleted or restored.</summary>
    public required string EventName { get; set; }
    public DateTime CreatedUtc { get; set; }
    /// <summary>Null for changes no user made (scheduled publishing, a background job).</summary>
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    /// <summary>The client's address as the proxy-aware request reports it; null outside a request.</summary>
    public string? ClientIpAddress { get; set; }
    public required string ContentType { get; set; }
    public required string ContentItemId { get; set; }
    public string? ContentItemVersionId { get; set; }
    public string DisplayText { get; set; } = string.Empty;
    /// <summary>For a restore: the version that was copied into the new draft.</summary>
    public string? Comment { get; set; }
}
