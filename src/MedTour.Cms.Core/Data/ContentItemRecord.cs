namespace MedTour.Cms.Data;

/// <summary>One version of a content item (Orchard's ContentItemIndex + Document in one row).</summary>
public sealed class ContentItemRecord
{
    public long Id { get; set; }
    public required string ContentItemId { get; set; }
    public required string ContentItemVersionId { get; set; }
    public required string ContentType { get; set; }
    public string DisplayText { get; set; } = string.Empty;
    public bool Latest { get; set; }
    public bool Published { get; set; }
    public string? Owner { get; set; }
    public string? Author { get; set; }
    public DateTime? CreatedUtc { get; set; }
    public DateTime? ModifiedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }
    /// <summary>Parts and fields, as Orchard's JSON (<c>{"TitlePart":{"Title":"…"}}</c>).</summary>
    public string Data { get; set; } = "{}";
    /// <summary>Concurrency token, moved on every change of the row: a writer that read an older row is refused.</summary>
    public long RowVersion { get; set; }
}
