using MedTour.Cms.Caching;
using MedTour.Cms.Data;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Tests.Caching;

/// <summary>The memory cache seen per tenant: entries sized in bytes, a total limit and a budget per tenant.</summary>
public sealed class TenantCacheBudgetTests : IDisposable
{
    private readonly MemoryCache _memory = new(new MemoryCacheOptions { SizeLimit = 8 * CacheOptions.Megabyte });
    private readonly TenantCache _cache;

    public TenantCacheBudgetTests() =>
        _cache = new TenantCache(_memory, new TenantGenerations(), Options.Create(new CacheOptions { SizeLimitMegabytes = 8, TenantBudgetMegabytes = 2 }));

    [Fact]
    public async Task Flooding_one_tenant_evicts_its_own_entries_and_never_another_tenants()
    {
        for (var i = 0; i < 50; i++)
        {
            _cache.Set("europe", $"page:{i}", new string('e', 1_000));
        }

        for (var i = 0; i < 20_000; i++)
        {
            _cache.Set("ukraine", $"flood:{i}", new string('u', 500));
        }

        for (var i = 0; i < 50; i++)
        {
            Assert.True(_cache.TryGet<string>("europe", $"page:{i}", out var kept) && kept!.Length == 1_000, $"europe lost page:{i}");
        }

        var flooded = _cache.Usage("ukraine");
        Assert.InRange(flooded.Bytes, 1, flooded.BudgetBytes);
        Assert.True(flooded.Entries < 20_000 / 4, $"ukraine kept {flooded.Entries} entries within a 2 MB budget");
        // The flooded tenant still caches (dropped entries leave the memory cache on the thread pool: allow a moment).
        var cached = await Eventually.WithinAsync(TimeSpan.FromSeconds(10), () =>
        {
            _cache.Set("ukraine", "fresh", "value");
            return Task.FromResult(_cache.TryGet<string>("ukraine", "fresh", out _));
        });

        Assert.True(cached is not null, "the flooded tenant can no longer cache anything");
    }

    [Fact]
    public async Task Entry_sizes_approximate_bytes_and_the_total_stays_under_the_limit()
    {
        _cache.Set("europe", "long", new string('x', 100_000));
        var usage = _cache.Usage("europe");
        Assert.InRange(usage.Bytes, 200_000, 202_000);

        foreach (var tenant in Enumerable.Range(0, 10).Select(i => $"t{i}"))
        {
            for (var i = 0; i < 5_000; i++)
            {
                _cache.Set(tenant, $"k:{i}", new Dictionary<string, object?> { ["Title"] = new string('y', 200), ["Tags"] = new List<string> { "a", "b" } });
            }
        }

        // Eviction callbacks run on the thread pool: give them a moment to settle the accounts.
        await Eventually.WithinAsync(TimeSpan.FromSeconds(10), () => Task.FromResult(Enumerable.Range(0, 10).Sum(i => _cache.Usage($"t{i}").Bytes) <= 8 * CacheOptions.Megabyte));

        Assert.InRange(Enumerable.Range(0, 10).Sum(i => _cache.Usage($"t{i}").Bytes), 1, 8 * CacheOptions.Megabyte);
        Assert.True(_cache.TotalEntries < 50_000, $"{_cache.TotalEntries} entries in an 8 MB cache");
    }

    [Fact]
    public void A_value_larger_than_a_quarter_of_the_budget_is_not_cached()
    {
        _cache.Set("europe", "huge", new string('h', 600_000));

        Assert.False(_cache.TryGet<string>("europe", "huge", out _));
        Assert.Equal(0, _cache.Usage("europe").Entries);
    }

    public void Dispose() => _memory.Dispose();
}
