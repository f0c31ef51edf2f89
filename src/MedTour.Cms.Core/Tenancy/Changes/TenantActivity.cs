using System.Collections.Concurrent;

namespace MedTour.Cms.Tenancy.Changes;

/// <summary>When this host last served each tenant (for its lease). Singleton, thread-safe; one write per tenant per second at most.</summary>
public sealed class TenantActivity(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, long> _lastServed = new(StringComparer.OrdinalIgnoreCase);

    private volatile bool _newTenant;

    /// <summary>Whether a tenant was served for the first time since the last <see cref="TakeNewTenant"/> (the lease should say so at once).</summary>
    public bool TakeNewTenant()
    {
        var value = _newTenant;
        _newTenant = false;
        return value;
    }

    public void Served(string tenant)
    {
        var now = clock.GetUtcNow().UtcTicks;
        if (!_lastServed.TryGetValue(tenant, out var last))
        {
            _lastServed[tenant] = now;
            _newTenant = true;
        }
        else if (now - last > TimeSpan.TicksPerSecond)
        {
            _lastServed[tenant] = now;
        }
    }

    public Dictionary<string, DateTime> ServedSince(DateTime sinceUtc) =>
        _lastServed.Where(p => p.Value >= sinceUtc.Ticks)
            .ToDictionary(p => p.Key, p => new DateTime(p.Value, DateTimeKind.Utc), StringComparer.OrdinalIgnoreCase);

    public void Forget(string tenant) => _lastServed.TryRemove(tenant, out _);
}
