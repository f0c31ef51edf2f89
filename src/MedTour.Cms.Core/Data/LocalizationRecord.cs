namespace MedTour.Cms.Data;

/// <summary>Which localization set and culture an item belongs to (from its latest version).</summary>
public sealed class LocalizationRecord
{
    public long Id { get; set; }
    public required string ContentItemId { get; set; }
    public required string LocalizationSet { get; set; }
    public required string Culture { get; set; }
    public bool Published { get; set; }
}
