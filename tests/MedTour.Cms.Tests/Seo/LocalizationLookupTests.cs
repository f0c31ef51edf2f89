using System.Net.Http.Headers;
using MedTour.Cms.Content;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Seo;

/// <summary>hreflang between regions comes from a per-region cache refreshed on change, not a query to every region per page.</summary>
public abstract class LocalizationLookupTests(SiteFixture site)
{
    [Fact]
    public async Task Pages_with_new_localization_sets_query_no_other_region_and_see_a_region_change_at_once()
    {
        using var client = site.Client();
        // Past the output cache (it neither serves nor stores requests with an Authorization header).
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Test", "uncached");
        Assert.True((await client.GetAsync(new Uri("/eu/liver-metastasis", UriKind.Relative))).IsSuccessStatusCode); // every region's map is now cached
        var articles = Enumerable.Range(0, 3).Select(i => Localized(Articles.New($"Lookup {i}", Articles.UniquePath("lookup")), "set-lookup-" + Guid.NewGuid().ToString("N")[..10])).ToList();
        await using (var scope = site.TenantScope("europe"))
        {
            foreach (var article in articles)
            {
                await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(article);
            }
        }

        using (var counter = new SqlCommandCounter(site, requestsOnly: true))
        {
            foreach (var article in articles)
            {
                Assert.True((await client.GetAsync(new Uri($"/eu/{PathOf(article)}", UriKind.Relative))).IsSuccessStatusCode);
            }

            Assert.Empty(counter.ContentCommands("ukraine"));
            Assert.Empty(counter.ContentCommands("usa"));
        }

        var usaVersion = Localized(Articles.New("Lookup in the USA", Articles.UniquePath("lookup-us"), author: "us-person-01"), SetOf(articles[0]));
        await using (var scope = site.TenantScope("usa"))
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(usaVersion);
        }

        var page = await client.GetStringAsync(new Uri($"/eu/{PathOf(articles[0])}", UriKind.Relative));
        Assert.Contains($"hreflang=\"en-US\" href=\"http://localhost/us/{PathOf(usaVersion)}\"", page, StringComparison.Ordinal);
    }

    private static string PathOf(ContentItem item) => item.Content["AutoroutePart"]!["Path"]!.GetValue<string>();

    private static string SetOf(ContentItem item) => item.Content["LocalizationPart"]!["LocalizationSet"]!.GetValue<string>();

    private static ContentItem Localized(ContentItem item, string set)
    {
        item.Content["LocalizationPart"]!["LocalizationSet"] = set;
        return item;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LocalizationLookupSqliteTests(SqliteSite site) : LocalizationLookupTests(site);

[Collection(PostgresCollection.Name)]
public sealed class LocalizationLookupPostgresTests(PostgresSite site) : LocalizationLookupTests(site);
