using System.Net;
using AngleSharp.Html.Parser;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.Site;

/// <summary>The pages a patient opens, read over HTTP and parsed as HTML.</summary>
public abstract class PublicSiteTests(SiteFixture site)
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task The_region_chooser_lists_every_region_with_its_phone_lines()
    {
        using var client = site.Client();

        var page = Parser.ParseDocument(await client.GetStringAsync(new Uri("/", UriKind.Relative)));

        var regions = page.QuerySelectorAll(".region").ToList();
        Assert.Equal(["Ukraine", "Europe", "USA"], regions.Select(r => r.QuerySelector("h2")!.TextContent.Trim()));
        Assert.All(regions, r => Assert.True(r.QuerySelectorAll("a[href^='tel:+']").Length >= 1));
        Assert.EndsWith("/ua/", regions[0].QuerySelector("h2 a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ua/metastazy-v-pechintsi", "uk", "Метастази")]
    [InlineData("/ua/ru/metastazy-v-pecheni", "ru", "Метастазы")]
    [InlineData("/eu/liver-metastasis", "en", "Liver metastasis")]
    [InlineData("/us/liver-metastasis", "en", "Liver metastasis")]
    public async Task The_liver_metastasis_article_shows_its_author_editor_and_calls_to_action(string url, string culture, string titleStart)
    {
        using var client = site.Client();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith(titleStart, page.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Matches(@"\S+ \S+", page.QuerySelector(".medical-author a")!.TextContent);
        Assert.Matches(@"\S+ \S+", page.QuerySelector(".medical-editor a")!.TextContent);
        Assert.NotEqual(page.QuerySelector(".medical-author a")!.TextContent, page.QuerySelector(".medical-editor a")!.TextContent);
        Assert.Equal(3, page.QuerySelectorAll("aside.cta").Length);
        Assert.DoesNotContain("[consultation_cta]", page.Body!.TextContent, StringComparison.Ordinal);
        // Every image has an alt; those that carry content (body, hero, people) describe it. Card thumbnails beside their title are decorative (alt="").
        Assert.All(page.QuerySelectorAll("main img"), img => Assert.True(img.HasAttribute("alt")));
        Assert.All(page.QuerySelectorAll(".prose img, .hero img, .person-card img"), img => Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("alt"))));
    }

    [Fact]
    public async Task Images_in_the_article_are_served_from_the_tenant_media()
    {
        using var client = site.Client();
        var page = Parser.ParseDocument(await client.GetStringAsync(new Uri("/eu/liver-metastasis", UriKind.Relative)));

        var source = page.QuerySelector("main img")!.GetAttribute("src")!;
        var image = await client.GetAsync(new Uri(source, UriKind.Relative));

        Assert.StartsWith("/eu/media/", source, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_regional_site_is_reached_by_its_host_too()
    {
        using var client = site.Client("ua.medtour.example");

        var response = await client.GetAsync(new Uri("/metastazy-v-pechintsi", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/ua/no-such-article", "Сторінку не знайдено")]
    [InlineData("/ua/ru/no-such-article", "Страница не найдена")]
    [InlineData("/eu/liver-metastasis/extra", "Page not found")]
    [InlineData("/nowhere", "Page not found")]
    [InlineData("/us/%2e%2e/%2e%2e/tenants.json", "Page not found")]
    public async Task Unknown_paths_get_the_themed_404_in_the_page_language(string url, string heading)
    {
        using var client = site.Client();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(heading, page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        using var client = site.Client();

        Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/health/live", UriKind.Relative)));
        Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PublicSiteSqliteTests(SqliteSite site) : PublicSiteTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PublicSitePostgresTests(PostgresSite site) : PublicSiteTests(site);
