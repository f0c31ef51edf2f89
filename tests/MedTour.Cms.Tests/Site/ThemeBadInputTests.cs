using System.Net;
using AngleSharp.Html.Parser;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Tests.Site;

/// <summary>Requests the site cannot answer get a themed page with the right status, naming the problem; never a 500, never another site's page.</summary>
public abstract class ThemeBadInputTests(SiteFixture site)
{
    private static readonly string LongQuery = new('a', 1100);

    public static TheoryData<string, int, string> BadRequests() => new()
    {
        // Unknown paths.
        { "/eu/no-such-page", 404, "" },
        { "/ua/no-such-page", 404, "" },
        { "/ua/ru/no-such-page", 404, "" },
        { "/us/clinics/no-such-clinic", 404, "" },
        { "/eu/conditions/no-such-condition", 404, "" },
        { "/nowhere", 404, "" },
        // Unknown filter values name the filter.
        { "/eu/clinics?country=atlantis", 400, "country" },
        { "/eu/clinics?specialty=magic", 400, "specialty" },
        { "/us/clinics?country=term-specialty-oncology", 400, "country" },
        { "/ua/doctors?clinic=eu-clinic-isar", 400, "clinic" },
        { "/ua/ru/doctors?language=xx", 400, "language" },
        { "/us/doctors?specialty=term-country-germany", 400, "specialty" },
        { "/eu/doctors?language=%3Cscript%3E", 400, "language" },
        // Pages out of range, and page numbers that are not.
        { "/eu/clinics?page=99", 404, "" },
        { "/ua/ru/articles?page=2", 404, "" },
        { "/eu/search?q=liver&page=50", 404, "" },
        { "/us/conditions/liver-metastasis?page=9", 404, "" },
        { "/eu/clinics?page=abc", 400, "page" },
        { "/eu/articles?page=0", 400, "page" },
        { "/eu/articles?page=-1", 400, "page" },
        { "/eu/articles?page=1.5", 400, "page" },
        { "/eu/doctors?language=en&page=x", 400, "page" },
        { "/eu/search?q=" + new string('b', 201), 400, "q" },
        // Over-long query strings, on every kind of site.
        { "/eu/search?q=" + LongQuery, 400, "" },
        { "/ua/ru/clinics?x=" + LongQuery, 400, "" },
        { "/us/liver-metastasis?utm=" + LongQuery, 400, "" },
        { "/?x=" + LongQuery, 400, "" },
        // Attempts to leave the site's path that reach the server as written (an encoded slash or backslash is no path separator for System.Uri).
        { "/eu/..%2f..%2fApp_Data", 404, "" },
        { "/eu/%2e%2e%2fua%2fmetastazy-v-pechintsi", 404, "" },
        { "/us/..%5c..%5ctenants.json", 404, "" },
        { "/eu/%252e%252e/ua/metastazy-v-pechintsi", 404, "" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_gets_a_themed_page_with_its_status_naming_the_problem(string url, int status, string parameter)
    {
        var page = await site.GetAsync(url);

        Assert.Equal(status, (int)page.Status);
        Assert.Equal("text/html", page.Response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(page.Document.QuerySelector("header nav.regions-bar"));
        Assert.Single(page.Document.QuerySelectorAll("h1"));
        Assert.Single(page.Document.QuerySelectorAll("main#main"));
        Assert.Equal("noindex", page.Document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.DoesNotContain("<script>", page.Body, StringComparison.Ordinal);
        if (status == 404 && page.Document.DocumentElement.GetAttribute("lang") == "en")
        {
            Assert.Equal("Page not found", page.H1);
        }

        if (status == 400)
        {
            var message = page.Document.QuerySelector(".problem-message")?.TextContent.Trim() ?? string.Empty;
            Assert.False(string.IsNullOrEmpty(message), "no .problem-message");
            if (parameter.Length > 0)
            {
                Assert.StartsWith(parameter + ":", message, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>
    /// Dot segments sent as they are (as a proxy that does not normalize paths would pass them on): the request
    /// stays on the site its prefix names, and that site has no such page.
    /// </summary>
    [Theory]
    [InlineData("a..b")]
    [InlineData("-a.example")]
    [InlineData("a..b:8080")]
    public async Task A_host_header_that_is_not_a_host_name_is_a_400(string host)
    {
        var context = await site.Factory.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Scheme = "http";
            c.Request.Host = new HostString(host);
            c.Request.Path = new PathString("/eu/liver-metastasis");
        });
        using var reader = new StreamReader(context.Response.Body);

        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        Assert.Contains("Host", await reader.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/eu/../ua/metastazy-v-pechintsi")]
    [InlineData("/eu/liver-metastasis/../../ua/metastazy-v-pechintsi")]
    [InlineData("/eu/./../ua/metastazy-v-pechintsi")]
    [InlineData("/us/../ua/ru/metastazy-v-pecheni")]
    [InlineData("/eu/../../App_Data/tenants.json")]
    [InlineData("/eu/..\\ua\\metastazy-v-pechintsi")]
    public async Task A_raw_path_climbing_out_of_one_site_gets_that_sites_404_never_another_sites_page(string path)
    {
        var context = await site.Factory.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Scheme = "http";
            c.Request.Host = new HostString("localhost");
            c.Request.Path = new PathString(path);
        });
        using var reader = new StreamReader(context.Response.Body);
        var body = await reader.ReadToEndAsync();
        var document = new HtmlParser().ParseDocument(body);

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
        Assert.Equal("Page not found", document.QuerySelector("h1")?.TextContent);
        Assert.Null(document.QuerySelector(".medical-author"));
        Assert.DoesNotContain("RequestUrlPrefix", body, StringComparison.Ordinal);
        var current = document.QuerySelector("nav.regions-bar li.current > a")?.GetAttribute("href");
        Assert.EndsWith(path.Split('/')[1] + "/", current, StringComparison.Ordinal);
    }

    /// <summary>
    /// Over HTTP, <c>%2e%2e</c> is a dot segment: clients (System.Uri here, browsers) and Kestrel remove it before the
    /// site sees the path, so <c>/eu/%2e%2e/ua/x</c> is the URL <c>/ua/x</c>. Whatever answers must be that URL's own
    /// page (its region, its canonical), never the other site's content under this site's header.
    /// </summary>
    [Theory]
    [InlineData("/eu/%2e%2e/ua/metastazy-v-pechintsi", "/ua/metastazy-v-pechintsi", "ua")]
    [InlineData("/eu/liver-metastasis/%2e%2e/%2e%2e/ua/metastazy-v-pechintsi", "/ua/metastazy-v-pechintsi", "ua")]
    [InlineData("/us/%2E%2E/ua/ru/metastazy-v-pecheni", "/ua/ru/metastazy-v-pecheni", "ua")]
    public async Task An_encoded_dot_segment_is_resolved_before_the_site_sees_it_and_shows_only_the_resolved_pages_own_site(string url, string resolved, string region)
    {
        var page = await site.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(ThemeSite.Origin + resolved, page.Canonical);
        var current = page.Document.QuerySelector("nav.regions-bar li.current > a")?.GetAttribute("href");
        Assert.EndsWith($"/{region}/", current, StringComparison.Ordinal);
    }

    /// <summary>A path that begins with two slashes is a path on this site, not a scheme-relative link to another host.</summary>
    [Theory]
    [InlineData("//evil.example.com/x")]
    [InlineData("/eu//evil.example.com/x")]
    public async Task A_path_that_looks_like_another_host_keeps_the_canonical_on_this_site(string path)
    {
        var page = await site.GetAsync("/", configure: r => r.RequestUri = new Uri(ThemeSite.Origin + path));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.StartsWith(ThemeSite.Origin + "/", page.Canonical, StringComparison.Ordinal);
        Assert.Equal(ThemeSite.Origin, new Uri(page.Canonical!).GetLeftPart(UriPartial.Authority));
    }

    [Theory]
    [InlineData("/eu/media/")]
    [InlineData("/eu/media")]
    [InlineData("/eu/media/%2e%2e/%2e%2e/tenants.json")]
    [InlineData("/eu/media/..%2f..%2f..%2ftenants.json")]
    [InlineData("/eu/media/%2e%2e/%2e%2e/ukraine/medtour.db")]
    [InlineData("/ua/media/..%5c..%5ctenants.json")]
    public async Task A_media_path_climbing_out_of_the_media_folder_is_not_found(string url)
    {
        var page = await site.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.DoesNotContain("RequestUrlPrefix", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite format", page.Body, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ThemeBadInputSqliteTests(SqliteSite site) : ThemeBadInputTests(site);

[Collection(PostgresCollection.Name)]
public sealed class ThemeBadInputPostgresTests(PostgresSite site) : ThemeBadInputTests(site);
