using MedTour.Cms.Tenancy;
using Microsoft.Extensions.Caching.Memory;

namespace MedTour.Cms.Data;

/// <summary>
/// A process-wide memory cache whose keys always carry the tenant name, so no tenant reads another's
/// entries. Singleton; thread-safe (IMemoryCache).
/// </summary>
public sealed class TenantCache(IMemoryCache cache)
{
    public bool TryGet<T>(string tenant, string key, out T? value) => cache.TryGetValue(Key(tenant, key), out value);

    public void Set<T>(string tenant, string key, T value, TimeSpan? slidingExpiration = null) =>
        cache.Set(Key(tenant, key), value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = slidingExpiration ?? TimeSpan.FromMinutes(30) });

    public void Remove(string tenant, string key) => cache.Remove(Key(tenant, key));

    private static (string Tenant, string Key) Key(string tenant, string key) => (tenant.ToLowerInvariant(), key);
}
