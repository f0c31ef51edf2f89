namespace MedTour.Cms.Data;

/// <summary>A path claimed by a content item, for its published and/or latest version. Unique per culture.</summary>
public sealed class RouteRecord
{
    public long Id { get; set; }
    public required string ContentItemId { get; set; }
    /// <summary>A term (or other item) stored inside <see cref="ContentItemId"/> that this path shows; null for the item itself.</summary>
    public string? ContainedContentItemId { get; set; }
    /// <summary>Empty for items without a culture.</summary>
    public string Culture { get; set; } = string.Empty;
    /// <summary>Without leading slash; empty for the home page.</summary>
    public required string Path { get; set; }
    public bool ForPublished { get; set; }
    public bool ForLatest { get; set; }
}
