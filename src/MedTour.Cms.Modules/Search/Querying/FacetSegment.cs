using Lucene.Net.Index;
using Lucene.Net.Util;
using MedTour.Cms.Modules.Search.Lucene;

namespace MedTour.Cms.Modules.Search.Querying;

/// <summary>
/// One facet's doc values in one segment (single- or multi-valued, or absent): the current document's ordinals, whether
/// they pass the facet's filter, and counts per ordinal. Used by <see cref="FacetCollector"/>; not thread-safe.
/// </summary>
internal sealed class FacetSegment
{
    private readonly SortedDocValues? _single;
    private readonly SortedSetDocValues? _multi;
    private readonly int[] _counts;
    // Ordinals whose value is the filter's (null: no filter, everything passes).
    private readonly bool[]? _accepted;
    private int[] _ords = new int[4];
    private int _loaded;

    private FacetSegment(SortedDocValues? single, SortedSetDocValues? multi, int valueCount, string? filter)
    {
        _single = single;
        _multi = multi;
        _counts = new int[valueCount];
        if (filter is not null)
        {
            _accepted = new bool[valueCount];
            var bytes = new BytesRef();
            for (var ord = 0; ord < valueCount; ord++)
            {
                Lookup(ord, bytes);
                _accepted[ord] = IsValue(bytes.Utf8ToString(), filter);
            }
        }
    }

    public static FacetSegment Open(AtomicReader reader, string facet, string? filter)
    {
        var field = SearchFields.FacetField(facet);
        if (reader.GetSortedSetDocValues(field) is { } multi)
        {
            return new FacetSegment(null, multi, (int)multi.ValueCount, filter);
        }

        var single = reader.GetSortedDocValues(field);
        return new FacetSegment(single, null, single?.ValueCount ?? 0, filter);
    }

    /// <summary>Reads the document's ordinals (documents are visited in order within a segment).</summary>
    public void Load(int doc)
    {
        _loaded = 0;
        if (_single is not null)
        {
            var ord = _single.GetOrd(doc);
            if (ord >= 0)
            {
                _ords[_loaded++] = ord;
            }
        }
        else if (_multi is not null)
        {
            _multi.SetDocument(doc);
            long ord;
            while ((ord = _multi.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                if (_loaded == _ords.Length)
                {
                    Array.Resize(ref _ords, _loaded * 2);
                }

                _ords[_loaded++] = (int)ord;
            }
        }
    }

    /// <summary>True when the facet has no filter or the loaded document has the chosen value.</summary>
    public bool Passes()
    {
        if (_accepted is null)
        {
            return true;
        }

        for (var i = 0; i < _loaded; i++)
        {
            if (_accepted[_ords[i]])
            {
                return true;
            }
        }

        return false;
    }

    public void Count()
    {
        for (var i = 0; i < _loaded; i++)
        {
            _counts[_ords[i]]++;
        }
    }

    /// <summary>Adds this segment's counts to <paramref name="target"/>, by value.</summary>
    public void MergeInto(Dictionary<string, int> target)
    {
        var bytes = new BytesRef();
        for (var ord = 0; ord < _counts.Length; ord++)
        {
            if (_counts[ord] == 0)
            {
                continue;
            }

            Lookup(ord, bytes);
            var key = bytes.Utf8ToString();
            target[key] = target.GetValueOrDefault(key) + _counts[ord];
        }
    }

    /// <summary>A facet value is "id␟label" (or the bare id, as the type is): the filter names the id.</summary>
    private static bool IsValue(string stored, string id) =>
        stored.Length == id.Length ? string.Equals(stored, id, StringComparison.Ordinal)
            : stored.Length > id.Length && stored[id.Length] == SearchFields.FacetSeparator && stored.StartsWith(id, StringComparison.Ordinal);

    private void Lookup(int ord, BytesRef bytes)
    {
        if (_single is not null)
        {
            _single.LookupOrd(ord, bytes);
        }
        else
        {
            _multi!.LookupOrd(ord, bytes);
        }
    }
}
