using System.Net;
using MedTour.Cms.Data;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Tests.Site;

namespace MedTour.Cms.Tests.Caching;

/// <summary>
/// What visitors send cannot fill the caches: unknown query parameters, made-up paths and undeclared hosts add no
/// entries (memory cache or output cache); a region's host with a port still resolves to the region.
/// </summary>
public abstract class CacheBoundsTests(SiteFixture site)
{
    private TenantCache Cache => site.Service<TenantCache>();

    [Fact]
    public async Task An_item_page_with_unknown_query_parameters_adds_no_cache_entries_and_is_not_stored()
    {
        await site.GetAsync("/eu/liver-metastasis");
        var before = Cache.TotalEntries;

        for (var i = 0; i < 20; i++)
        {
            var page = await site.GetAsync($"/eu/liver-metastasis?r={Guid.NewGuid():N}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("https://schema.org", (string?)page.JsonLd[0]["@context"]);
            Assert.DoesNotContain("?r=", page.Canonical, StringComparison.Ordinal);
        }

        Assert.True(Cache.TotalEntries <= before, $"memory cache entries went from {before} to {Cache.TotalEntries}");
        var unique = $"/eu/liver-metastasis?r={Guid.NewGuid():N}";
        await site.GetAsync(unique);
        var again = await site.GetAsync(unique);
        Assert.Null(again.Response.Headers.Age);
    }

    [Fact]
    public async Task A_list_keeps_its_own_parameters_in_the_output_cache_and_drops_the_others()
    {
        var known = "/us/clinics?country=term-country-turkey";
        await site.GetAsync(known);
        var cached = await site.GetAsync(known);
        Assert.NotNull(cached.Response.Headers.Age);

        var tracked = $"{known}&utm_source={Guid.NewGuid():N}";
        var first = await site.GetAsync(tracked);
        var second = await site.GetAsync(tracked);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Null(second.Response.Headers.Age);
        Assert.DoesNotContain("utm_source", first.Body, StringComparison.Ordinal);
        Assert.Equal(cached.CardLinks.Select(a => a.TextContent), first.CardLinks.Select(a => a.TextContent));
    }

    [Fact]
    public async Task A_page_number_with_leading_zeros_is_served_but_not_stored()
    {
        var padded = "/eu/articles?page=001";
        var first = await site.GetAsync(padded);
        var second = await site.GetAsync(padded);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Null(second.Response.Headers.Age);
    }

    [Fact]
    public async Task Made_up_paths_add_no_cache_entries()
    {
        await site.GetAsync("/eu/no-such-page");
        var before = Cache.TotalEntries;

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync($"/eu/{Guid.NewGuid():N}")).Status);
        }

        Assert.True(Cache.TotalEntries <= before, $"memory cache entries went from {before} to {Cache.TotalEntries}");
    }

    [Fact]
    public async Task An_undeclared_host_gets_the_default_tenant_and_adds_no_cache_entries()
    {
        // Warm what the first request of each kind caches once (the home page, the not-found page), then count.
        await site.GetAsync("/", "first.attacker.example");
        await site.GetAsync("/eu/liver-metastasis", "first.attacker.example");
        var before = Cache.TotalEntries;

        for (var i = 0; i < 10; i++)
        {
            var host = $"h{Guid.NewGuid():N}.example";
            var home = await site.GetAsync("/", host);
            Assert.Equal(HttpStatusCode.OK, home.Status);
            Assert.NotNull(home.Document.QuerySelector(".regions-list"));
            Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync("/eu/liver-metastasis", host)).Status);
            Assert.Null((await site.GetAsync("/", host)).Response.Headers.Age);
        }

        Assert.True(Cache.TotalEntries <= before, $"memory cache entries went from {before} to {Cache.TotalEntries}");
    }

    [Theory]
    [InlineData("ua.medtour.example:8080", "/metastazy-v-pechintsi", "uk")]
    [InlineData("UA.MedTour.Example:8080", "/ru/metastazy-v-pecheni", "ru")]
    [InlineData("eu.medtour.example:443", "/liver-metastasis", "en")]
    public async Task A_regions_host_with_a_port_resolves_to_the_region(string host, string url, string culture)
    {
        var page = await site.GetAsync(url, host);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(culture, page.Document.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith($"http://{host.ToLowerInvariant()}/", page.Canonical!.ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_tenants_host_serves_the_regions_under_their_prefixes()
    {
        var page = await site.GetAsync("/eu/liver-metastasis", "medtour.example");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("http://medtour.example/eu/liver-metastasis", page.Canonical);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CacheBoundsSqliteTests(SqliteSite site) : CacheBoundsTests(site);

[Collection(PostgresCollection.Name)]
public sealed class CacheBoundsPostgresTests(PostgresSite site) : CacheBoundsTests(site);
