using Lucene.Net.Index;
using Lucene.Net.Search;
using MedTour.Cms.Modules.Search.Indexing;
using MedTour.Cms.Modules.Search.Lucene;
using MedTour.Cms.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Search.Querying;

/// <summary>
/// <see cref="ISearchService"/> on this host's live index of the tenant's culture (only published items are ever
/// indexed, one index per tenant and culture). Facets are counted over the whole result, each with the other facets'
/// filters (so a chosen country still shows the other countries' counts). Scoped.
/// </summary>
public sealed partial class SearchService(SearchIndexStore store, SearchIndexer indexer, IndexingSignal signal, CurrentTenant tenant, IOptions<SearchOptions> options, ILogger<SearchService> logger) : ISearchService
{
    public const int MaxPage = 1000;
    private static readonly string[] Facets = ["type", SearchFields.Country, SearchFields.Specialty];

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var indexes = store.Tenant(tenant.Name);
        if (signal.IsPending(tenant.Name) || !indexes.NeedsRebuild.IsEmpty || indexes.All.Count == 0)
        {
            // Read your own writes: a change this host committed (or an index not built yet) is applied before answering.
            try
            {
                await indexer.UpdateAsync(tenant.Settings, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The background service logs and retries; this search answers from what the index holds.
                LogCatchUpFailed(logger, e, tenant.Name);
            }
        }

        return Search(request, indexes);
    }

    private SearchResults Search(SearchRequest request, TenantIndexes indexes)
    {
        var settings = options.Value;
        var pageSize = Math.Clamp(request.PageSize ?? settings.PageSize, 1, 100);
        var text = (request.Query ?? string.Empty).Trim();
        if (text.Length > settings.MaxQueryLength)
        {
            return SearchResults.Empty(text[..settings.MaxQueryLength], 1, pageSize, $"q: a search has at most {settings.MaxQueryLength} characters.");
        }

        if (request.Page < 1 || request.Page > MaxPage)
        {
            return SearchResults.Empty(text, 1, pageSize, $"page: a page from 1 to {MaxPage}.");
        }

        var culture = tenant.Settings.Cultures.FirstOrDefault(c => string.Equals(c, request.Culture, StringComparison.OrdinalIgnoreCase)) ?? tenant.Settings.DefaultCulture;
        var index = store.Index(indexes, culture);
        var groups = UserQuery.Parse(text, index.Analyzer);
        if (groups.Count == 0)
        {
            return SearchResults.Empty(text, request.Page, pageSize, text.Length == 0 ? null : "q: there is no word to search for.");
        }

        var searcher = index.Acquire();
        try
        {
            var results = Run(searcher, index, request, groups, text, pageSize, fuzzy: false);
            if (results.Total > 0 || results.Problem is not null)
            {
                return results;
            }

            // Spelling tolerance only when it finds something: else the exact answer (nothing, with the exact facet counts)
            // stands, and no page says "showing similar spellings" over zero results.
            var similar = Run(searcher, index, request, groups, text, pageSize, fuzzy: true);
            if (similar.Total > 0 || groups.Count < 2)
            {
                return similar.Total > 0 ? similar : results;
            }

            // A question typed as a sentence ("how much does SIRT cost") rarely has every word in one item: the items
            // with some of them, those with more words first.
            var some = Run(searcher, index, request, groups, text, pageSize, fuzzy: false, someWords: true);
            return some.Total > 0 ? some : results;
        }
        finally
        {
            index.Release(searcher);
        }
    }

    private SearchResults Run(IndexSearcher searcher, SearchIndex index, SearchRequest request, IReadOnlyList<IReadOnlyList<string>> groups, string text, int pageSize, bool fuzzy,
        bool someWords = false)
    {
        // Built of plain terms (a fuzzy word expanded once), so the search and the highlighter take it as it is.
        var query = UserQuery.Build(groups, options.Value, fuzzy ? searcher.IndexReader : null, someWords);
        var top = TopScoreDocCollector.Create(request.Page * pageSize, true);
        var facets = new FacetCollector(top, [("type", Chosen(request.Type)), (SearchFields.Country, Chosen(request.Country)), (SearchFields.Specialty, Chosen(request.Specialty))]);
        searcher.Search(query, facets);
        var counts = facets.Counts();
        var total = top.TotalHits;
        IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> facetModel = Facets.ToDictionary(f => f.ToLowerInvariant(), IReadOnlyList<FacetValue> (f) => Values(counts.GetValueOrDefault(f), f == "type" ? request.Type : f == SearchFields.Country ? request.Country : request.Specialty));
        if (total > 0 && (request.Page - 1) * pageSize >= total)
        {
            return new SearchResults(text, [], total, request.Page, pageSize, facetModel, fuzzy, $"page: there are only {(total + pageSize - 1) / pageSize} pages of results.", someWords);
        }

        var snippets = new Snippets(query, index.Analyzer);
        var hits = top.GetTopDocs((request.Page - 1) * pageSize, pageSize).ScoreDocs.Select(scored =>
        {
            var doc = searcher.Doc(scored.Doc);
            string Get(string field) => doc.Get(field, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            var title = Get(SearchFields.DisplayText);
            var path = Get(SearchFields.Url);
            return new SearchHit(Get(SearchFields.ContentItemId), Get(SearchFields.ContentType), title, snippets.Title(title),
                snippets.Snippet(Get(SearchFields.Summary), Get(SearchFields.Body), Get(SearchFields.Terms)), path.Length == 0 ? null : path, scored.Score);
        }).ToList();
        return new SearchResults(text, hits, total, request.Page, pageSize, facetModel, fuzzy, SomeWords: someWords);
    }

    private static string? Chosen(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static List<FacetValue> Values(Dictionary<string, int>? counts, string? selected)
    {
        if (counts is null)
        {
            return [];
        }

        return [.. counts.Select(c =>
            {
                var separator = c.Key.IndexOf(SearchFields.FacetSeparator, StringComparison.Ordinal);
                var value = separator < 0 ? c.Key : c.Key[..separator];
                var label = separator < 0 ? c.Key : c.Key[(separator + 1)..];
                return new FacetValue(value, label, c.Value, value == selected);
            })
            .OrderByDescending(v => v.Count).ThenBy(v => v.Label, StringComparer.Ordinal)];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {Tenant}: bringing the search index up to date before a search failed")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception, string tenant);
}
