namespace MedTour.Cms.Caching;

/// <summary>
/// One tenant's share of the memory cache, kept in two generations: when a new entry would take the tenant over its
/// budget, the older generation is dropped and the current one becomes the older. The tenant then loses at most its
/// older half, never another tenant's entries (a two-generation approximation of LRU that needs no per-entry list).
/// Thread-safe.
/// </summary>
internal sealed class TenantCacheBudget(long limit)
{
    private readonly Lock _lock = new();
    private CacheGeneration _current = new();
    private CacheGeneration _previous = new();

    public long Limit => limit;

    public long Bytes => _current.Bytes + _previous.Bytes;

    public int Entries => _current.Entries + _previous.Entries;

    /// <summary>The generation a new entry of <paramref name="bytes"/> joins, or null when it is too big to cache at all.</summary>
    public CacheGeneration? Reserve(long bytes)
    {
        // One entry may take at most a quarter of the budget, so a rotation always leaves room.
        if (bytes > limit / 4)
        {
            return null;
        }

        List<CacheGeneration>? dropped = null;
        CacheGeneration current;
        lock (_lock)
        {
            for (var i = 0; i < 2 && _current.Bytes + _previous.Bytes + bytes > limit; i++)
            {
                (dropped ??= []).Add(_previous);
                _previous = _current;
                _current = new CacheGeneration();
            }

            current = _current;
            current.Add(bytes);
        }

        // Expiring the dropped entries runs their callbacks: outside the lock.
        dropped?.ForEach(g => g.Drop());
        return current;
    }
}
