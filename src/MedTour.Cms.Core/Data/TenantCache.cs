using MedTour.Cms.Tenancy;
using Microsoft.Extensions.Caching.Memory;

namespace MedTour.Cms.Data;

/// <summary>
/// A process-wide memory cache whose keys always carry the tenant name, so no tenant reads another's
/// entries, and the tenant's generation (<see cref="TenantGenerations"/>), so a changed or re-created tenant
/// finds none of its old entries. Singleton; thread-safe (IMemoryCache).
/// </summary>
public sealed class TenantCache(IMemoryCache cache, TenantGenerations generations)
{
    public bool TryGet<T>(string tenant, string key, out T? value) => cache.TryGetValue(Key(tenant, key), out value);

    public void Set<T>(string tenant, string key, T value, TimeSpan? slidingExpiration = null) =>
        cache.Set(Key(tenant, key), value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = slidingExpiration ?? TimeSpan.FromMinutes(30) });

    public void Remove(string tenant, string key) => cache.Remove(Key(tenant, key));

    private (string Tenant, long Generation, string Key) Key(string tenant, string key) => (tenant.ToLowerInvariant(), generations.Of(tenant), key);
}
