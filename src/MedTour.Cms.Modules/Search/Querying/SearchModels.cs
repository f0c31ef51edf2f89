namespace MedTour.Cms.Modules.Search.Querying;

/// <summary>What a patient asks: words (with "quoted phrases"), facet filters and a page, in one culture of the current tenant.</summary>
public sealed record SearchRequest(string Query, string Culture, string? Type = null, string? Country = null, string? Specialty = null, int Page = 1, int? PageSize = null);

/// <summary>One result: <see cref="TitleHtml"/> and <see cref="SnippetHtml"/> are encoded HTML with the matched words in <c>&lt;mark&gt;</c>.</summary>
public sealed record SearchHit(string ContentItemId, string ContentType, string Title, string TitleHtml, string SnippetHtml, string? Path, float Score);

/// <summary>A facet value with the number of hits it has in the whole result (with the other facets' filters applied).</summary>
public sealed record FacetValue(string Value, string Label, int Count, bool Selected);

/// <summary>
/// A page of results with facets over all of them. <see cref="Fuzzy"/>: nothing matched exactly and these are spelling
/// tolerant matches. <see cref="SomeWords"/>: no item has every word, even spelling tolerant, and these have some of them.
/// <see cref="Problem"/>: why the query could not be run as given (too long, nothing to search for, no such page).
/// </summary>
public sealed record SearchResults(
    string Query,
    IReadOnlyList<SearchHit> Hits,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
    bool Fuzzy = false,
    string? Problem = null,
    bool SomeWords = false)
{
    public int PageCount => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;

    public static SearchResults Empty(string query, int page, int pageSize, string? problem = null) =>
        new(query, [], 0, page, pageSize, new Dictionary<string, IReadOnlyList<FacetValue>>(), Problem: problem);
}
