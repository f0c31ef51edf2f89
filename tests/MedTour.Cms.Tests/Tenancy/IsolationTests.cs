using MedTour.Cms.Content;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Tenancy;

/// <summary>A tenant never sees another tenant's items: not over HTTP, not through the content manager.</summary>
public abstract class IsolationTests(SiteFixture site)
{
    [Fact]
    public async Task An_item_of_ukraine_is_invisible_to_europe_through_the_content_manager()
    {
        await using var ukraine = site.TenantScope("ukraine");
        await using var europe = site.TenantScope("europe");

        Assert.NotNull(await ukraine.ServiceProvider.GetRequiredService<ContentManager>().GetAsync("ua-article-liver-uk"));
        Assert.Null(await europe.ServiceProvider.GetRequiredService<ContentManager>().GetAsync("ua-article-liver-uk"));
        Assert.Null(await europe.ServiceProvider.GetRequiredService<ContentManager>().GetAsync("ua-article-liver-uk", VersionOptions.Latest));
    }

    [Fact]
    public async Task An_item_of_ukraine_is_invisible_to_europe_over_http()
    {
        using var client = site.Client();

        var own = await client.GetAsync(new Uri("/ua/metastazy-v-pechintsi", UriKind.Relative));
        var foreign = await client.GetAsync(new Uri("/eu/metastazy-v-pechintsi", UriKind.Relative));
        var foreignMedia = await client.GetAsync(new Uri("/eu/media/../../ukraine/medtour.db", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, foreignMedia.StatusCode);
    }

    [Fact]
    public async Task An_item_created_in_europe_does_not_appear_in_usa()
    {
        var path = Articles.UniquePath("europe-only");
        await using (var europe = site.TenantScope("europe"))
        {
            await europe.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(Articles.New("Europe only", path));
        }

        using var client = site.Client();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(new Uri($"/eu/{path}", UriKind.Relative))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/us/{path}", UriKind.Relative))).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IsolationSqliteTests(SqliteSite site) : IsolationTests(site);

[Collection(PostgresCollection.Name)]
public sealed class IsolationPostgresTests(PostgresSite site) : IsolationTests(site);
