using System.Collections.Concurrent;

namespace MedTour.Cms.Content.Caching;

/// <summary>
/// A counter per tenant that moves whenever published content changes there; cached reads carry it in their
/// keys, so a change makes every older entry unreachable at once. Singleton, thread-safe.
/// </summary>
public sealed class ContentVersions
{
    private readonly ConcurrentDictionary<string, StrongBox> _versions = new(StringComparer.OrdinalIgnoreCase);

    public long Current(string tenant) => Volatile.Read(ref _versions.GetOrAdd(tenant, _ => new StrongBox()).Value);

    public void Advance(string tenant) => Interlocked.Increment(ref _versions.GetOrAdd(tenant, _ => new StrongBox()).Value);

    private sealed class StrongBox
    {
        public long Value;
    }
}
