using System.Collections.Concurrent;
using MedTour.Cms.Caching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Data;

/// <summary>
/// The process-wide memory cache, seen per tenant: keys always carry the tenant name, so no tenant reads another's
/// entries, and the tenant's generation (<see cref="TenantGenerations"/>), so a changed or re-created tenant finds
/// none of its old entries; every entry has a size in approximate bytes (<see cref="CacheSize"/>), the memory cache a size limit,
/// and each tenant a budget of its own (<see cref="TenantCacheBudget"/>). Singleton; thread-safe.
/// </summary>
public sealed class TenantCache(IMemoryCache cache, TenantGenerations generations, IOptions<CacheOptions> options)
{
    // The key tuple, the entry and its options: what an entry costs beyond its value.
    private const long EntryOverhead = 200;

    private readonly ConcurrentDictionary<string, TenantCacheBudget> _budgets = new(StringComparer.Ordinal);

    public bool TryGet<T>(string tenant, string key, out T? value) => cache.TryGetValue(Key(tenant, key), out value);

    /// <param name="size">Approximate bytes of the value, when the caller knows better than <see cref="CacheSize.Of"/>.</param>
    public void Set<T>(string tenant, string key, T value, TimeSpan? slidingExpiration = null, long? size = null)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(key);
        var name = tenant.ToLowerInvariant();
        var bytes = EntryOverhead + CacheSize.OfString(key) + (size ?? CacheSize.Of(value));
        var generation = Budget(name).Reserve(bytes);
        if (generation is null)
        {
            return;
        }

        var entry = new MemoryCacheEntryOptions { Size = bytes, SlidingExpiration = slidingExpiration ?? TimeSpan.FromMinutes(30) };
        entry.ExpirationTokens.Add(generation.Token);
        entry.RegisterPostEvictionCallback((_, _, _, _) => generation.Release(bytes));
        cache.Set(Key(name, key), value, entry);
    }

    public void Remove(string tenant, string key) => cache.Remove(Key(tenant, key));

    /// <summary>A tenant's entries and their approximate bytes, and its budget.</summary>
    public TenantCacheUsage Usage(string tenant) =>
        _budgets.TryGetValue(tenant.ToLowerInvariant(), out var budget)
            ? new TenantCacheUsage(budget.Entries, budget.Bytes, budget.Limit)
            : new TenantCacheUsage(0, 0, options.Value.TenantBudgetBytes);

    /// <summary>Entries in the whole memory cache (every tenant, and entries not made here).</summary>
    public long TotalEntries => cache is MemoryCache memory ? memory.Count : -1;

    private TenantCacheBudget Budget(string name) => _budgets.GetOrAdd(name, _ => new TenantCacheBudget(options.Value.TenantBudgetBytes));

    private (string Tenant, long Generation, string Key) Key(string tenant, string key) => (tenant.ToLowerInvariant(), generations.Of(tenant), key);
}

/// <param name="Bytes">Approximate bytes (the sum of entry sizes).</param>
public sealed record TenantCacheUsage(int Entries, long Bytes, long BudgetBytes);
