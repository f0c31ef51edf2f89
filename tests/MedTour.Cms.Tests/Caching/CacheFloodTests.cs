using System.Net;
using MedTour.Cms.Caching;
using MedTour.Cms.Data;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Tests.Caching;

/// <summary>
/// 50,000 hostile requests (unique query strings, made-up paths, unique Host headers) through the real host leave
/// the memory cache where it was: no entry per request, every tenant within its budget, the total within the limit.
/// On SQLite only: the caches do not depend on the provider (the focused tests in <see cref="CacheBoundsTests"/> run
/// on both), and 50,000 requests take ~30 s of a core.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class CacheFloodTests(SqliteSite site)
{
    private const int Requests = 50_000;

    [Fact]
    public async Task Fifty_thousand_hostile_requests_leave_the_cache_bounded()
    {
        using var client = site.Client();
        var cache = site.Service<TenantCache>();
        var bounds = site.Service<IOptions<CacheOptions>>().Value;
        var tenants = site.Service<TenantRegistry>().All.Select(t => t.Name).ToList();
        foreach (var warm in new[] { "/eu/liver-metastasis", "/eu/no-such-page", "/" })
        {
            await client.GetAsync(new Uri(warm, UriKind.Relative));
        }

        var before = cache.TotalEntries;
        var statuses = new int[600];
        await Parallel.ForAsync(0, Requests, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri((i % 3) switch
            {
                0 => $"/eu/liver-metastasis?r={i}",
                1 => $"/eu/made-up-{i}",
                _ => $"/x{i}?q={i}",
            }, UriKind.Relative));
            if (i % 3 == 2)
            {
                request.Headers.Host = $"h{i}.attacker.example";
            }

            using var response = await client.SendAsync(request, token);
            Interlocked.Increment(ref statuses[(int)response.StatusCode]);
        });

        Assert.Equal(Requests, statuses[(int)HttpStatusCode.OK] + statuses[(int)HttpStatusCode.NotFound]);
        var after = cache.TotalEntries;
        // No entry per request: 50,000 requests that each left one would add thousands. A few dozen come and go on their
        // own while the flood runs (pages' shared pieces, entries that expire and are made again), more when the
        // machine is slow; one per hundred requests still fails a cache keyed by anything the visitor controls.
        Assert.True(after <= before + Requests / 100, $"the memory cache grew from {before} to {after} entries");
        var usage = tenants.Select(cache.Usage).ToList();
        Assert.All(usage, u => Assert.InRange(u.Bytes, 0, u.BudgetBytes));
        Assert.InRange(usage.Sum(u => u.Bytes), 0, bounds.SizeLimitBytes);
    }
}
