namespace MedTour.Cms.Modules.Search;

/// <summary>
/// The tenant's "Search" index as Orchard's <c>lucene-index</c> step declares it (kept in the Documents table): which
/// content types it holds. Null types: those of <see cref="SearchOptions.Types"/>.
/// </summary>
public sealed class SearchIndexDefinition
{
    public const string DocumentName = "Search.Index";

    public string AnalyzerName { get; set; } = "culture";
    public bool IndexLatest { get; set; }
    public List<string>? IndexedContentTypes { get; set; }
}
