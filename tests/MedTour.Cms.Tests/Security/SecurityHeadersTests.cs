using System.Net;
using AngleSharp.Html.Parser;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.Security;

/// <summary>nosniff on every response; a Content-Security-Policy on pages that the theme's pages fit; SVG files that cannot run script.</summary>
[Collection(SqliteCollection.Name)]
public sealed class SecurityHeadersTests(SqliteSite site)
{
    private static readonly HtmlParser Parser = new();

    [Theory]
    [InlineData("/eu/liver-metastasis")]
    [InlineData("/eu/no-such-page")]
    [InlineData("/eu/sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/eu/media/articles/liver-metastasis.svg")]
    [InlineData("/themes/MedTour/css/site.css")]
    [InlineData("/health/live")]
    [InlineData("/login")]
    public async Task Every_response_says_nosniff(string url)
    {
        using var client = site.Client();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/eu/")]
    [InlineData("/eu/liver-metastasis")]
    [InlineData("/ua/ru/")]
    [InlineData("/eu/clinics")]
    [InlineData("/eu/no-such-page")]
    [InlineData("/login")]
    public async Task Pages_have_a_policy_without_inline_script_and_fit_it(string url)
    {
        using var client = site.Client();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var document = Parser.ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", Directive(policy, "script-src"), StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", Directive(policy, "style-src"), StringComparison.Ordinal);
        // What the policy would block: inline scripts (JSON-LD is data and allowed), style elements, handlers, other origins.
        Assert.All(document.QuerySelectorAll("script"), s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
        Assert.Empty(document.QuerySelectorAll("style"));
        Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));
        Assert.All(document.QuerySelectorAll("link[rel=stylesheet], img, script[src]"),
            e => Assert.StartsWith("/", e.GetAttribute("href") ?? e.GetAttribute("src"), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/eu/media/articles/liver-metastasis.svg")]
    [InlineData("/ua/media/articles/liver-metastasis.svg")]
    public async Task Svg_media_is_served_with_a_policy_that_runs_no_script(string url)
    {
        using var client = site.Client();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("sandbox", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
    }

    private static string Directive(string policy, string name) =>
        policy.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal)) ?? string.Empty;
}
