using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using MedTour.Cms.Modules.Search.Lucene;

namespace MedTour.Cms.Modules.Search.Querying;

/// <summary>
/// Counts facet values (doc values "id␟label") over every hit of a query, segment by segment with ordinal arrays,
/// so the counts cover the whole result and not only the page. One per query; not thread-safe.
/// </summary>
public sealed class FacetCollector(params string[] facets) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts = facets.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private readonly List<Action> _flush = [];
    private Action<int>[] _collect = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Flush();
        _collect = [.. facets.Select(f => Segment(context.AtomicReader, f)).OfType<Action<int>>()];
    }

    public void Collect(int doc)
    {
        foreach (var collect in _collect)
        {
            collect(doc);
        }
    }

    /// <summary>Counts per facet, by the stored "id␟label" value.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, int>> Counts()
    {
        Flush();
        return _counts;
    }

    private Action<int>? Segment(AtomicReader reader, string facet)
    {
        var field = SearchFields.FacetField(facet);
        var target = _counts[facet];
        if (reader.GetSortedSetDocValues(field) is { } multi)
        {
            var counts = new int[multi.ValueCount];
            _flush.Add(() => Merge(counts, target, (ord, bytes) => multi.LookupOrd(ord, bytes)));
            return doc =>
            {
                multi.SetDocument(doc);
                long ord;
                while ((ord = multi.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    counts[ord]++;
                }
            };
        }

        if (reader.GetSortedDocValues(field) is { } single)
        {
            var counts = new int[single.ValueCount];
            _flush.Add(() => Merge(counts, target, (ord, bytes) => single.LookupOrd((int)ord, bytes)));
            return doc =>
            {
                var ord = single.GetOrd(doc);
                if (ord >= 0)
                {
                    counts[ord]++;
                }
            };
        }

        return null;
    }

    private static void Merge(int[] counts, Dictionary<string, int> target, Action<long, BytesRef> lookup)
    {
        var bytes = new BytesRef();
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] == 0)
            {
                continue;
            }

            lookup(ord, bytes);
            var key = bytes.Utf8ToString();
            target[key] = target.GetValueOrDefault(key) + counts[ord];
        }
    }

    private void Flush()
    {
        foreach (var flush in _flush)
        {
            flush();
        }

        _flush.Clear();
    }
}
