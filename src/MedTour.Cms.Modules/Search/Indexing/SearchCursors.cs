namespace MedTour.Cms.Modules.Search.Indexing;

/// <summary>
/// The tenant's known index consumers (one per host's index folder) and how far each has applied the indexing tasks,
/// kept in the Documents table so any host can prune the tasks every consumer has applied. Read-modify-write by the
/// pruner only.
/// </summary>
public sealed class SearchCursors
{
    public const string DocumentName = "Search.Cursors";

    public Dictionary<string, ConsumerCursor> Consumers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Tasks up to this id are deleted: a consumer whose cursor is lower has lost changes and must rebuild.</summary>
    public long PrunedThrough { get; set; }
}

public sealed record ConsumerCursor(long Cursor, DateTime SeenUtc);
