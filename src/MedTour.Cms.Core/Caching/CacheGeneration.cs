using Microsoft.Extensions.Primitives;

namespace MedTour.Cms.Caching;

/// <summary>
/// The entries one tenant added since its last rotation, with their bytes; dropping it expires them all at once
/// (every entry carries its token). Thread-safe.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A source without a timer holds nothing to release; entries may still register on it after a drop.")]
internal sealed class CacheGeneration
{
    private readonly CancellationTokenSource _dropped = new();
    private long _bytes;
    private int _entries;

    public CacheGeneration() => Token = new CancellationChangeToken(_dropped.Token);

    public IChangeToken Token { get; }

    public long Bytes => Interlocked.Read(ref _bytes);

    public int Entries => Volatile.Read(ref _entries);

    public void Add(long bytes)
    {
        Interlocked.Add(ref _bytes, bytes);
        Interlocked.Increment(ref _entries);
    }

    /// <summary>An entry left the cache (expired, replaced, removed, compacted); entries of a dropped generation no longer count.</summary>
    public void Release(long bytes)
    {
        if (!_dropped.IsCancellationRequested)
        {
            Interlocked.Add(ref _bytes, -bytes);
            Interlocked.Decrement(ref _entries);
        }
    }

    public void Drop()
    {
        Interlocked.Exchange(ref _bytes, 0);
        Interlocked.Exchange(ref _entries, 0);
        _dropped.Cancel();
    }
}
