using Lucene.Net.Index;
using Lucene.Net.Search;

namespace MedTour.Cms.Modules.Search.Querying;

/// <summary>
/// Collects the hits of a query and counts its facets in one pass, drill sideways: the query runs without the facet
/// filters; a document that passes every filter is a hit (handed to <paramref name="hits"/>) and counts for every facet,
/// one that fails exactly one filter counts only for that facet (so a chosen country still shows the other countries'
/// counts). Counts come from doc values ("id␟label"), segment by segment with ordinal arrays, over every hit and not
/// only the page. Before, each chosen facet ran the query once more. One per query; not thread-safe.
/// </summary>
public sealed class FacetCollector : ICollector
{
    private readonly ICollector _hits;
    private readonly (string Name, string? Filter)[] _facets;
    private readonly Dictionary<string, int>[] _counts;
    private FacetSegment[] _segments = [];

    /// <param name="hits">Receives the documents that pass every filter.</param>
    /// <param name="facets">The facets to count, each with its chosen value (a filter) or null.</param>
    public FacetCollector(ICollector hits, IReadOnlyList<(string Name, string? Filter)> facets)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(facets);
        _hits = hits;
        _facets = [.. facets];
        _counts = [.. _facets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
    }

    public bool AcceptsDocsOutOfOrder => _hits.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => _hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Flush();
        _hits.SetNextReader(context);
        _segments = [.. _facets.Select(f => FacetSegment.Open(context.AtomicReader, f.Name, f.Filter))];
    }

    public void Collect(int doc)
    {
        var missed = -1;
        for (var i = 0; i < _segments.Length; i++)
        {
            var segment = _segments[i];
            segment.Load(doc);
            if (!segment.Passes())
            {
                if (missed >= 0)
                {
                    // Fails two filters: counts nowhere.
                    return;
                }

                missed = i;
            }
        }

        if (missed >= 0)
        {
            _segments[missed].Count();
            return;
        }

        _hits.Collect(doc);
        foreach (var segment in _segments)
        {
            segment.Count();
        }
    }

    /// <summary>Counts per facet, by the stored "id␟label" value.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, int>> Counts()
    {
        Flush();
        return _facets.Select((f, i) => (f.Name, Counts: _counts[i])).ToDictionary(f => f.Name, f => f.Counts, StringComparer.Ordinal);
    }

    private void Flush()
    {
        for (var i = 0; i < _segments.Length; i++)
        {
            _segments[i].MergeInto(_counts[i]);
        }

        _segments = [];
    }
}
