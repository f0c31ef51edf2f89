using System.Collections.Concurrent;
using MedTour.Cms.Background;

namespace MedTour.Cms.Modules.Search.Indexing;

/// <summary>
/// Wakes the indexing service when this host commits a content change, so its own changes are searchable at once;
/// other hosts' changes are found by polling. Singleton; thread-safe.
/// </summary>
public sealed class IndexingSignal : WakeSignal
{
    private readonly ConcurrentDictionary<string, byte> _tenants = new(StringComparer.OrdinalIgnoreCase);
    // Per tenant: changes notified, and the count that had been notified when the last completed apply started.
    private readonly ConcurrentDictionary<string, long> _notified = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, long> _applied = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>This host committed a change of the tenant that its indexes have not applied yet (searches catch up first).</summary>
    public bool IsPending(string tenant) => _notified.GetValueOrDefault(tenant) > _applied.GetValueOrDefault(tenant);

    /// <summary>Called before tasks are read; call <see cref="Applied"/> with its value once they are searchable.</summary>
    public long Applying(string tenant) => _notified.GetValueOrDefault(tenant);

    public void Applied(string tenant, long applying) => _applied.AddOrUpdate(tenant, applying, (_, current) => Math.Max(current, applying));

    public void Notify(string tenant)
    {
        _notified.AddOrUpdate(tenant, 1, (_, count) => count + 1);
        _tenants[tenant] = 0;
        Notify();
    }

    /// <summary>Waits for a change or the timeout; returns the tenants notified meanwhile.</summary>
    public async Task<IReadOnlyCollection<string>> WaitForTenantsAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await WaitAsync(timeout, cancellationToken);
        var notified = _tenants.Keys.ToList();
        foreach (var name in notified)
        {
            _tenants.TryRemove(name, out _);
        }

        return notified;
    }
}
