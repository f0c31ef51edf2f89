using System.Collections.Concurrent;

namespace MedTour.Cms.Modules.Search.Indexing;

/// <summary>
/// Wakes the indexing service when this host commits a content change, so its own changes are searchable at once;
/// other hosts' changes are found by polling. Singleton; thread-safe.
/// </summary>
public sealed class IndexingSignal : IDisposable
{
    private readonly ConcurrentDictionary<string, byte> _tenants = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>This host committed a change of the tenant that its indexes have not applied yet (searches catch up first).</summary>
    public bool IsPending(string tenant) => _pending.ContainsKey(tenant);

    /// <summary>Called before tasks are read: a change committed after this is pending again.</summary>
    public void Applying(string tenant) => _pending.TryRemove(tenant, out _);

    public void Notify(string tenant)
    {
        _pending[tenant] = 0;
        _tenants[tenant] = 0;
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already awake.
            }
        }
    }

    /// <summary>Waits for a change or the timeout; returns the tenants notified meanwhile.</summary>
    public async Task<IReadOnlyCollection<string>> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _wake.WaitAsync(timeout, cancellationToken);
        var notified = _tenants.Keys.ToList();
        foreach (var name in notified)
        {
            _tenants.TryRemove(name, out _);
        }

        return notified;
    }

    public void Dispose() => _wake.Dispose();
}
