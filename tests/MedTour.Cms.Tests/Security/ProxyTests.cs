using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.Security;

/// <summary>
/// X-Forwarded-Proto/Host/For are believed from the configured proxies only: then canonical, hreflang and sitemap
/// URLs, HSTS and Secure cookies follow the visitor's scheme and host; from any other address they change nothing.
/// </summary>
[Collection(ProxyCollection.Name)]
public sealed class ProxyTests(ProxySite site)
{
    private static readonly HtmlParser Parser = new();
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    [Theory]
    [InlineData(ProxySite.Proxy)]
    [InlineData(ProxySite.ProxyInNetwork)]
    public async Task Urls_follow_the_forwarded_scheme_and_host_from_a_known_proxy(string proxy)
    {
        var page = await PageAsync(proxy, "/liver-metastasis", "eu.medtour.example");

        Assert.Equal("https://eu.medtour.example/liver-metastasis", page.Canonical);
        // Reached through its own host, a region links the others by theirs.
        Assert.Contains(page.Alternates, href => href.StartsWith("https://ua.medtour.example/", StringComparison.Ordinal));
        Assert.Contains(page.Alternates, href => href.StartsWith("https://us.medtour.example/", StringComparison.Ordinal));
        Assert.All(page.Alternates, href => Assert.StartsWith("https://", href, StringComparison.Ordinal));
        var sitemap = await SitemapUrlsAsync(proxy, "/sitemap.xml", "eu.medtour.example");
        Assert.Contains("https://eu.medtour.example/liver-metastasis", sitemap);
        Assert.All(sitemap, url => Assert.StartsWith("https://", url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_headers_from_an_unknown_address_are_ignored()
    {
        var page = await PageAsync(ProxySite.Stranger, "/eu/liver-metastasis", "eu.medtour.example");

        Assert.Equal("http://localhost/eu/liver-metastasis", page.Canonical);
        Assert.All(page.Alternates, href => Assert.StartsWith("http://localhost/", href, StringComparison.Ordinal));
        Assert.All(await SitemapUrlsAsync(ProxySite.Stranger, "/eu/sitemap.xml", "eu.medtour.example"),
            url => Assert.StartsWith("http://localhost/", url, StringComparison.Ordinal));
        Assert.False(page.Response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Hsts_is_sent_in_production_to_visitors_on_https_only()
    {
        var https = await PageAsync(ProxySite.Proxy, "/", "eu.medtour.example");
        var http = await PageAsync(ProxySite.Proxy, "/", "eu.medtour.example", proto: "http");

        Assert.StartsWith("max-age=", Assert.Single(https.Response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.False(http.Response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("https", true)]
    [InlineData("http", false)]
    public async Task The_antiforgery_and_sign_in_cookies_are_secure_when_the_visitor_came_over_https(string proto, bool secure)
    {
        using var client = site.ClientFrom(ProxySite.Proxy, cookies: false);
        using var form = Forwarded(HttpMethod.Get, "/login", "www.medtour.example", proto);
        var formPage = await client.SendAsync(form);
        var antiforgery = Assert.Single(formPage.Headers.GetValues("Set-Cookie"), c => c.Contains("Antiforgery", StringComparison.Ordinal));
        var token = Parser.ParseDocument(await formPage.Content.ReadAsStringAsync()).QuerySelector("form input[type=hidden]")!;

        using var post = Forwarded(HttpMethod.Post, "/login", "www.medtour.example", proto);
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        post.Content = new FormUrlEncodedContent(
        [
            new(token.GetAttribute("name")!, token.GetAttribute("value")!),
            new("username", "admin"),
            new("password", CmsAppFactory.AdminPassword),
        ]);
        var signedIn = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = signedIn.SetCookie("medtour.auth");
        Assert.NotNull(auth);
        Assert.Equal(secure, IsSecure(antiforgery));
        Assert.Equal(secure, IsSecure(auth));
    }

    private static bool IsSecure(string setCookie) =>
        setCookie.Split(';').Any(p => p.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    private static HttpRequestMessage Forwarded(HttpMethod method, string path, string host, string proto)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Forwarded-Proto", proto);
        request.Headers.Add("X-Forwarded-Host", host);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return request;
    }

    private async Task<ForwardedPage> PageAsync(string from, string path, string host, string proto = "https")
    {
        using var client = site.ClientFrom(from, cookies: false);
        using var request = Forwarded(HttpMethod.Get, path, host, proto);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        return new ForwardedPage(
            response,
            document.QuerySelector("head link[rel=canonical]")?.GetAttribute("href"),
            [.. document.QuerySelectorAll("head link[rel=alternate][hreflang]").Select(l => l.GetAttribute("href")!)]);
    }

    private async Task<List<string>> SitemapUrlsAsync(string from, string path, string host)
    {
        using var client = site.ClientFrom(from, cookies: false);
        using var request = Forwarded(HttpMethod.Get, path, host, "https");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. xml.Descendants(Sitemap + "loc").Select(l => l.Value), .. xml.Descendants(Xhtml + "link").Select(l => (string)l.Attribute("href")!)];
    }

    private sealed record ForwardedPage(HttpResponseMessage Response, string? Canonical, List<string> Alternates);
}
