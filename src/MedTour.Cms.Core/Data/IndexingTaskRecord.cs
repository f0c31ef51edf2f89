namespace MedTour.Cms.Data;

/// <summary>
/// One content change for search indexes to apply (Orchard's indexing task): written in the same transaction as the
/// change, so no committed change is missed and no rolled-back one is indexed. Each host reads the rows after its own
/// cursor; applying one re-reads the item, so applying it twice is harmless.
/// </summary>
public sealed class IndexingTaskRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = string.Empty;
    public DateTime CreatedUtc { get; set; }
}
