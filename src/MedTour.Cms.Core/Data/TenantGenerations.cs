using System.Collections.Concurrent;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Data;

/// <summary>
/// A generation per tenant, part of every <see cref="TenantCache"/> key: it moves when the tenant is created,
/// changed or removed, here or in another process, so a re-created tenant with an old name inherits no cached
/// document, template or definition, and a change seen from outside refreshes every cache of that tenant at once.
/// The tenants listed in <see cref="Cached"/> are the ones whose caches this host uses. Singleton, thread-safe.
/// </summary>
public sealed class TenantGenerations : ITenantObserver
{
    private readonly ConcurrentDictionary<string, Counter> _generations = new(StringComparer.OrdinalIgnoreCase);

    public long Of(string tenant) => Volatile.Read(ref _generations.GetOrAdd(tenant, _ => new Counter()).Value);

    public void Advance(string tenant) => Interlocked.Increment(ref _generations.GetOrAdd(tenant, _ => new Counter()).Value);

    /// <summary>Tenants this host has cached something of since it started.</summary>
    public IReadOnlyCollection<string> Cached => [.. _generations.Keys];

    public Task TenantChangedAsync(string tenantName)
    {
        Advance(tenantName);
        return Task.CompletedTask;
    }

    private sealed class Counter
    {
        public long Value;
    }
}
