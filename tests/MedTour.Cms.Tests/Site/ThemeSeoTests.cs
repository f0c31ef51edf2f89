using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using MedTour.Cms.Content;
using MedTour.Cms.Data;
using MedTour.Cms.Modules.Seo;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Site;

/// <summary>What search engines read: hreflang alternates, sitemaps, robots.txt and schema.org JSON-LD.</summary>
public abstract class ThemeSeoTests(SiteFixture site)
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>The liver article's versions: (hreflang, absolute URL), and x-default, the region chooser.</summary>
    private static readonly (string Hreflang, string Href)[] LiverAlternates =
    [
        .. ThemeSite.LiverArticles.Select(a => (a.Hreflang, ThemeSite.Origin + a.Url)),
        ("x-default", ThemeSite.Origin + "/"),
    ];

    public static TheoryData<string> LiverArticleUrls() => [.. ThemeSite.LiverArticles.Select(a => a.Url)];

    public static TheoryData<string, string> RegionalTenants()
    {
        var data = new TheoryData<string, string>();
        foreach (var (tenant, prefix, _) in ThemeSite.Regions)
        {
            data.Add(tenant, prefix);
        }

        return data;
    }

    // ---- hreflang ----

    [Theory]
    [MemberData(nameof(LiverArticleUrls))]
    public async Task The_liver_article_lists_its_four_regional_versions_and_x_default_as_absolute_reciprocal_alternates(string url)
    {
        var page = await site.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.All(page.Alternates, a => Assert.True(Uri.IsWellFormedUriString(a.Href, UriKind.Absolute), $"{a.Hreflang} {a.Href} is not absolute"));
        Assert.Equal(Ordered(LiverAlternates), Ordered(Regional(page.Alternates)));
        Assert.Equal(ThemeSite.Origin + url, page.Canonical);
        foreach (var (hreflang, href) in Regional(page.Alternates))
        {
            var target = await site.GetAbsoluteAsync(href);
            Assert.True(target.Status == HttpStatusCode.OK, $"{hreflang} {href} answered {(int)target.Status}");
            if (hreflang == "x-default")
            {
                Assert.NotNull(target.Document.QuerySelector(".regions-list"));
                continue;
            }

            Assert.Equal(hreflang.Split('-')[0], target.Document.DocumentElement.GetAttribute("lang"));
            Assert.Equal(href, target.Canonical);
            Assert.Equal(Ordered(LiverAlternates), Ordered(Regional(target.Alternates)));
        }
    }

    [Theory]
    [InlineData("ua.medtour.example", "/metastazy-v-pechintsi")]
    [InlineData("ua.medtour.example", "/ru/metastazy-v-pecheni")]
    [InlineData("eu.medtour.example", "/liver-metastasis")]
    [InlineData("us.medtour.example", "/liver-metastasis")]
    public async Task On_a_regional_host_every_hreflang_alternate_opens_that_version(string host, string url)
    {
        var page = await site.GetAsync(url, host);
        Assert.Equal(HttpStatusCode.OK, page.Status);

        var problems = new List<string>();
        foreach (var (hreflang, href) in page.Alternates)
        {
            var target = await site.GetAbsoluteAsync(href);
            var ok = target.Status == HttpStatusCode.OK && (hreflang == "x-default"
                ? target.Document.QuerySelector(".regions-list") is not null
                : target.Document.DocumentElement.GetAttribute("lang") == hreflang.Split('-')[0] && target.Alternates.Count > 0);
            if (!ok)
            {
                problems.Add($"on {host}{url}: {hreflang} {href} answered {(int)target.Status} ('{target.H1}')");
            }
        }

        ThemeSite.AssertNoProblems(problems);
    }

    [Fact]
    public async Task The_language_link_of_a_list_page_leads_to_the_first_page_of_the_other_language()
    {
        // The other language's list has its own length: page 2 of the Ukrainian articles may not exist in Russian.
        var ukraine = await site.GetAsync("/ua/articles?page=1");
        var russian = ukraine.Document.QuerySelector("ul.languages a[hreflang=ru]")?.GetAttribute("href");

        Assert.Equal("/ua/ru/articles", russian);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await site.GetAsync(russian!)).Status);
    }

    [Fact]
    public async Task A_disabled_site_disappears_from_the_hreflang_of_every_region()
    {
        var copy = await site.NewTenantAsync("copy", "medtour-europe");
        try
        {
            // A regional site (hreflang joins regional sites only): its own region gives it an hreflang of its own.
            await site.Service<MedTour.Cms.Tenancy.TenantManager>().UpdateAsync(copy, t => t with { Region = new MedTour.Cms.Tenancy.RegionSettings { Name = "Poland", CountryCode = "PL" } });
            Assert.Equal(HttpStatusCode.OK, (await site.GetAsync($"/{copy}/liver-metastasis")).Status);
            var before = await site.GetAsync("/eu/liver-metastasis");
            Assert.Contains(before.Alternates, a => a.Href == $"{ThemeSite.Origin}/{copy}/liver-metastasis");

            await site.Service<MedTour.Cms.Tenancy.TenantManager>().DisableAsync(copy);
            var after = await site.GetAsync("/eu/liver-metastasis");

            Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync($"/{copy}/liver-metastasis")).Status);
            Assert.DoesNotContain(after.Alternates, a => a.Href.Contains($"/{copy}/", StringComparison.Ordinal));
        }
        finally
        {
            await site.RemoveTenantAsync(copy);
            await ForgetLocalizationSetAsync("set-liver-metastasis");
        }
    }

    [Fact]
    public async Task Two_versions_of_an_article_never_share_one_hreflang()
    {
        // A second site on the Europe recipe without a region of its own (a copy, a staging site…).
        var copy = await site.NewTenantAsync("copy", "medtour-europe");
        try
        {
            var page = await site.GetAsync("/eu/liver-metastasis");

            var shared = page.Alternates.GroupBy(a => a.Hreflang).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(a => a.Href))}").ToList();
            Assert.True(shared.Count == 0, "hreflang values given to several URLs: " + string.Join("; ", shared));
        }
        finally
        {
            await site.RemoveTenantAsync(copy);
            await ForgetLocalizationSetAsync("set-liver-metastasis");
        }
    }

    // ---- sitemap.xml and robots.txt ----

    [Theory]
    [MemberData(nameof(RegionalTenants))]
    public async Task The_sitemap_lists_exactly_the_published_routes_and_each_answers(string tenant, string prefix)
    {
        var response = await site.GetAsync($"/{prefix}/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/xml", response.Response.Content.Headers.ContentType?.MediaType);
        var locations = XDocument.Parse(response.Body).Root!.Elements(Sitemap + "url").Select(u => (string)u.Element(Sitemap + "loc")!).ToList();

        List<string> routes;
        await using (var scope = site.TenantScope(tenant))
        {
            routes = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Routes.Where(r => r.ForPublished).Select(r => r.Path).ToListAsync();
        }

        var expected = routes.Select(p => $"{ThemeSite.Origin}/{prefix}/{p}").Append($"{ThemeSite.Origin}/{prefix}/").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(locations.Count, locations.Distinct().Count());
        Assert.Equal(expected, locations.Order(StringComparer.Ordinal));

        // The recipe's published items and terms are all there.
        var (_, _, recipe) = ThemeSite.Regions.Single(r => r.Tenant == tenant);
        var items = site.RecipeItems(recipe).Where(i => (bool?)i["Published"] == true).ToList();
        var recipePaths = items.Select(ThemeSite.PathOf).OfType<string>()
            .Concat(items.SelectMany(i => i["TaxonomyPart"]?["Terms"]?.AsArray().OfType<JsonObject>() ?? []).Select(ThemeSite.PathOf).OfType<string>());
        Assert.All(recipePaths, p => Assert.Contains($"{ThemeSite.Origin}/{prefix}/{p}", locations));

        var problems = new List<string>();
        foreach (var location in locations)
        {
            var page = await site.GetAbsoluteAsync(location);
            if (page.Status != HttpStatusCode.OK)
            {
                problems.Add($"{location} answered {(int)page.Status}");
            }
        }

        ThemeSite.AssertNoProblems(problems);
    }

    [Theory]
    [MemberData(nameof(RegionalTenants))]
    public async Task The_sitemap_gives_the_liver_article_its_regional_alternates(string tenant, string prefix)
    {
        _ = tenant;
        var sitemap = XDocument.Parse((await site.GetAsync($"/{prefix}/sitemap.xml")).Body);

        var liver = ThemeSite.LiverArticles.Where(a => a.Url.StartsWith($"/{prefix}/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(liver);
        foreach (var (url, _, _) in liver)
        {
            var entry = sitemap.Root!.Elements(Sitemap + "url").Single(u => (string)u.Element(Sitemap + "loc")! == ThemeSite.Origin + url);
            var alternates = entry.Elements(Xhtml + "link").Where(l => (string?)l.Attribute("rel") == "alternate")
                .Select(l => ((string)l.Attribute("hreflang")!, (string)l.Attribute("href")!)).ToList();
            Assert.Equal(Ordered(LiverAlternates.Where(a => a.Hreflang != "x-default")), Ordered(Regional(alternates)));
        }
    }

    [Fact]
    public async Task The_sitemap_drops_an_unpublished_item_at_once_and_never_lists_drafts()
    {
        var published = Articles.New("Sitemap published", Articles.UniquePath("sitemap-published"));
        var draftOnly = Articles.New("Sitemap draft", Articles.UniquePath("sitemap-draft"));
        var other = Articles.New("Sitemap other", Articles.UniquePath("sitemap-other"));
        var draftPath = Articles.UniquePath("sitemap-renamed");
        await using var scope = site.TenantScope("europe");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        await content.CreateAsync(published);
        await content.CreateAsync(draftOnly, VersionOptions.Draft);
        try
        {
            var first = await LocationsAsync("eu");
            Assert.Contains(Url(published), first);
            Assert.DoesNotContain(Url(draftOnly), first);

            // A draft with a new path beside the published version: the sitemap keeps the published path only.
            var draft = (await content.GetAsync(published.ContentItemId, VersionOptions.Latest))!;
            draft.Content["AutoroutePart"]!["Path"] = draftPath;
            await content.UpdateAsync(draft);
            await content.CreateAsync(other);
            var second = await LocationsAsync("eu");
            Assert.Contains(Url(other), second);
            Assert.Contains(Url(published), second);
            Assert.DoesNotContain($"{ThemeSite.Origin}/eu/{draftPath}", second);

            await content.UnpublishAsync(published);
            var third = await LocationsAsync("eu");
            Assert.DoesNotContain(Url(published), third);
            Assert.DoesNotContain($"{ThemeSite.Origin}/eu/{draftPath}", third);
            Assert.Contains(Url(other), third);

            await content.RemoveAsync(other);
            Assert.DoesNotContain(Url(other), await LocationsAsync("eu"));
        }
        finally
        {
            await content.RemoveAsync(published);
            await content.RemoveAsync(draftOnly);
            await content.RemoveAsync(other);
        }
    }

    [Fact]
    public async Task A_version_unpublished_in_another_region_leaves_the_sitemap_alternates_at_once()
    {
        var set = "set-theme-test-" + Guid.NewGuid().ToString("N")[..8];
        var europe = Localized(Articles.New("Sitemap pair", Articles.UniquePath("pair-eu")), set);
        var usa = Localized(Articles.New("Sitemap pair", Articles.UniquePath("pair-us"), author: "us-person-01"), set);
        await using var europeScope = site.TenantScope("europe");
        await using var usaScope = site.TenantScope("usa");
        var europeContent = europeScope.ServiceProvider.GetRequiredService<ContentManager>();
        var usaContent = usaScope.ServiceProvider.GetRequiredService<ContentManager>();
        await europeContent.CreateAsync(europe);
        await usaContent.CreateAsync(usa);
        var usaUrl = $"{ThemeSite.Origin}/us/{usa.Content["AutoroutePart"]!["Path"]}";
        try
        {
            Assert.Contains(usaUrl, await AlternatesInSitemapAsync("eu", Url(europe)));
            Assert.Contains((await site.GetAsync($"/eu/{europe.Content["AutoroutePart"]!["Path"]}")).Alternates, a => a.Href == usaUrl);

            await usaContent.UnpublishAsync(usa);

            Assert.DoesNotContain((await site.GetAsync($"/eu/{europe.Content["AutoroutePart"]!["Path"]}")).Alternates, a => a.Href == usaUrl);
            Assert.DoesNotContain(usaUrl, await AlternatesInSitemapAsync("eu", Url(europe)));
        }
        finally
        {
            await europeContent.RemoveAsync(europe);
            await usaContent.RemoveAsync(usa);
        }
    }

    [Fact]
    public async Task Robots_txt_at_the_root_lists_the_sitemap_of_every_region_and_each_answers()
    {
        var robots = await site.GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, robots.Status);
        Assert.Equal("text/plain", robots.Response.Content.Headers.ContentType?.MediaType);
        var lines = robots.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("User-agent: *", lines);
        var sitemaps = lines.Where(l => l.StartsWith("Sitemap: ", StringComparison.Ordinal)).Select(l => l["Sitemap: ".Length..]).ToList();
        foreach (var (_, prefix, _) in ThemeSite.Regions)
        {
            Assert.Contains($"{ThemeSite.Origin}/{prefix}/sitemap.xml", sitemaps);
        }

        foreach (var sitemap in sitemaps)
        {
            var response = await site.GetAbsoluteAsync(sitemap);
            Assert.True(response.Status == HttpStatusCode.OK, $"{sitemap} answered {(int)response.Status}");
            Assert.Equal(Sitemap + "urlset", XDocument.Parse(response.Body).Root!.Name);
        }

        var regional = await site.GetAsync("/eu/robots.txt");
        Assert.Equal(HttpStatusCode.OK, regional.Status);
        Assert.Contains($"Sitemap: {ThemeSite.Origin}/eu/sitemap.xml", regional.Body, StringComparison.Ordinal);
    }

    // ---- JSON-LD ----

    [Fact]
    public async Task Every_article_is_a_medical_web_page_with_its_author_reviewer_and_review_date()
    {
        var problems = new List<string>();
        foreach (var (tenant, _, recipe) in ThemeSite.Regions)
        {
            var people = site.RecipeItems(recipe).Where(i => (string?)i["ContentType"] == "Person").ToDictionary(i => (string)i["ContentItemId"]!, ThemeSite.TitleOf);
            foreach (var (item, url) in site.RecipeItemsOfType(tenant, "Article"))
            {
                var page = await site.GetAsync(url);
                var ld = page.JsonLd;
                var webPage = ld.SingleOrDefault(o => (string?)o["@type"] == "MedicalWebPage");
                if (webPage is null)
                {
                    problems.Add($"{url}: no MedicalWebPage");
                    continue;
                }

                var article = item["Article"]!;
                var authors = Names(webPage["author"]);
                var reviewers = Names(webPage["reviewedBy"]);
                var expectedAuthors = ThemeSite.Values(article["MedicalAuthor"], "ContentItemIds").Select(id => people[id]).ToList();
                var expectedReviewers = ThemeSite.Values(article["MedicalEditor"], "ContentItemIds").Select(id => people[id]).ToList();
                if (authors.Count == 0 || !authors.SequenceEqual(expectedAuthors))
                {
                    problems.Add($"{url}: author [{string.Join(", ", authors)}] instead of [{string.Join(", ", expectedAuthors)}]");
                }

                if (reviewers.Count == 0 || !reviewers.SequenceEqual(expectedReviewers))
                {
                    problems.Add($"{url}: reviewedBy [{string.Join(", ", reviewers)}] instead of [{string.Join(", ", expectedReviewers)}]");
                }

                var lastReviewed = ((string?)article["LastReviewed"]?["Value"])?[..10];
                if ((string?)webPage["lastReviewed"] != lastReviewed || lastReviewed is null)
                {
                    problems.Add($"{url}: lastReviewed '{webPage["lastReviewed"]}' instead of '{lastReviewed}'");
                }

                if ((string?)webPage["url"] != page.Canonical || (string?)webPage["name"] != ThemeSite.TitleOf(item))
                {
                    problems.Add($"{url}: MedicalWebPage {webPage["name"]} at {webPage["url"]} is not the page {page.Canonical}");
                }

                if ((string?)webPage["inLanguage"] != (string?)item["LocalizationPart"]?["Culture"])
                {
                    problems.Add($"{url}: inLanguage '{webPage["inLanguage"]}'");
                }

                problems.AddRange(await BreadcrumbProblemsAsync(page));
                problems.AddRange(OrganizationProblems(page, tenant));
            }
        }

        ThemeSite.AssertNoProblems(problems);
    }

    [Fact]
    public async Task Every_doctor_page_is_a_physician_and_every_clinic_page_a_medical_clinic_with_its_address()
    {
        var problems = new List<string>();
        foreach (var (tenant, _, _) in ThemeSite.Regions)
        {
            foreach (var (item, url) in site.RecipeItemsOfType(tenant, "Doctor"))
            {
                var page = await site.GetAsync(url);
                var physician = page.JsonLd.SingleOrDefault(o => (string?)o["@type"] == "Physician");
                if (physician is null || (string?)physician["name"] != ThemeSite.TitleOf(item) || (string?)physician["url"] != page.Canonical)
                {
                    problems.Add($"{url}: Physician {physician?.ToJsonString() ?? "missing"}");
                }

                problems.AddRange(await BreadcrumbProblemsAsync(page));
                problems.AddRange(OrganizationProblems(page, tenant));
            }

            foreach (var (item, url) in site.RecipeItemsOfType(tenant, "Clinic"))
            {
                var page = await site.GetAsync(url);
                var clinic = page.JsonLd.SingleOrDefault(o => (string?)o["@type"] == "MedicalClinic");
                var address = clinic?["address"];
                if (clinic is null || (string?)clinic["name"] != ThemeSite.TitleOf(item) || (string?)address?["@type"] != "PostalAddress"
                    || (string?)address["streetAddress"] != (string?)item["Clinic"]!["Address"]?["Text"]
                    || (string?)address["addressLocality"] != (string?)item["Clinic"]!["City"]?["Text"]
                    || string.IsNullOrEmpty((string?)address["addressCountry"]))
                {
                    problems.Add($"{url}: MedicalClinic {clinic?.ToJsonString() ?? "missing"}");
                }

                problems.AddRange(await BreadcrumbProblemsAsync(page));
                problems.AddRange(OrganizationProblems(page, tenant));
            }
        }

        ThemeSite.AssertNoProblems(problems);
    }

    [Theory]
    [InlineData("Treatment")]
    [InlineData("Taxonomy")]
    [InlineData("Person")]
    public async Task Every_item_page_has_a_breadcrumb_list_ending_at_the_page(string contentType)
    {
        var problems = new List<string>();
        foreach (var (tenant, prefix, recipe) in ThemeSite.Regions)
        {
            var urls = contentType == "Taxonomy"
                ? site.RecipeItems(recipe).Where(i => (string?)i["ContentType"] == "Taxonomy")
                    .SelectMany(t => t["TaxonomyPart"]!["Terms"]!.AsArray().OfType<JsonObject>()).Select(t => $"/{prefix}/{ThemeSite.PathOf(t)}").ToList()
                : site.RecipeItemsOfType(tenant, contentType).Select(i => i.Url).ToList();
            Assert.NotEmpty(urls);
            foreach (var url in urls)
            {
                var page = await site.GetAsync(url);
                problems.AddRange(await BreadcrumbProblemsAsync(page));
                problems.AddRange(OrganizationProblems(page, tenant));
            }
        }

        ThemeSite.AssertNoProblems(problems);
    }

    [Fact]
    public async Task The_region_chooser_names_a_contact_point_for_every_phone_line_of_every_region()
    {
        var page = await site.GetAsync("/");

        var organization = page.JsonLd.Single(o => (string?)o["@type"] == "Organization");
        var telephones = organization["contactPoint"]!.AsArray().Select(c => (string)c!["telephone"]!).ToList();
        foreach (var (tenant, _, _) in ThemeSite.Regions)
        {
            Assert.All(site.TelLinks(tenant), tel => Assert.Contains(tel["tel:".Length..], telephones));
        }
    }

    // ---- helpers ----

    private async Task<IEnumerable<string>> BreadcrumbProblemsAsync(ThemePage page)
    {
        var problems = new List<string>();
        var lists = page.JsonLd.Where(o => (string?)o["@type"] == "BreadcrumbList").ToList();
        if (lists.Count != 1)
        {
            problems.Add($"{page.Url}: {lists.Count} BreadcrumbList");
            return problems;
        }

        var items = lists[0]["itemListElement"]!.AsArray().OfType<JsonObject>().ToList();
        if (items.Count < 2 || items.Select(i => (int?)i["position"]).Where((p, i) => p != i + 1).Any())
        {
            problems.Add($"{page.Url}: breadcrumb positions {string.Join(",", items.Select(i => i["position"]))}");
        }

        if (items.Count > 0 && (string?)items[^1]["item"] != page.Canonical)
        {
            problems.Add($"{page.Url}: the breadcrumb ends at {items[^1]["item"]}, not at the page {page.Canonical}");
        }

        foreach (var item in items.Take(items.Count - 1))
        {
            var href = (string?)item["item"];
            if (href is null || !Uri.IsWellFormedUriString(href, UriKind.Absolute) || string.IsNullOrWhiteSpace((string?)item["name"]))
            {
                problems.Add($"{page.Url}: breadcrumb {item.ToJsonString()}");
            }
            else if ((await site.GetAbsoluteAsync(href)).Status != HttpStatusCode.OK)
            {
                problems.Add($"{page.Url}: breadcrumb {href} does not answer 200");
            }
        }

        return problems;
    }

    private IEnumerable<string> OrganizationProblems(ThemePage page, string tenant)
    {
        var organizations = page.JsonLd.Where(o => (string?)o["@type"] == "Organization").ToList();
        if (organizations.Count != 1)
        {
            yield return $"{page.Url}: {organizations.Count} Organization";
            yield break;
        }

        var telephones = organizations[0]["contactPoint"]?.AsArray().Select(c => "tel:" + (string?)c?["telephone"]).ToList() ?? [];
        if (!telephones.SequenceEqual(site.TelLinks(tenant)))
        {
            yield return $"{page.Url}: contact points {string.Join(" ", telephones)} instead of {string.Join(" ", site.TelLinks(tenant))}";
        }
    }

    private static List<string> Names(JsonNode? people) =>
        people is JsonArray array ? [.. array.OfType<JsonObject>().Where(p => (string?)p["@type"] == "Person").Select(p => (string)p["name"]!)] : [];

    /// <summary>The alternates on the regional sites (and x-default): other tests' throwaway tenants may add theirs.</summary>
    private static List<(string Hreflang, string Href)> Regional(IEnumerable<(string Hreflang, string Href)> alternates) =>
        [.. alternates.Where(a => a.Href == ThemeSite.Origin + "/" || new[] { "/ua/", "/eu/", "/us/" }.Any(p => a.Href.StartsWith(ThemeSite.Origin + p, StringComparison.Ordinal)))];

    private static List<string> Ordered(IEnumerable<(string Hreflang, string Href)> alternates) =>
        [.. alternates.Select(a => $"{a.Hreflang} {a.Href}").Order(StringComparer.Ordinal)];

    private static string Url(ContentItem article) => $"{ThemeSite.Origin}/eu/{article.Content["AutoroutePart"]!["Path"]}";

    private static ContentItem Localized(ContentItem article, string set)
    {
        article.Content["LocalizationPart"]!["LocalizationSet"] = set;
        return article;
    }

    private async Task<List<string>> LocationsAsync(string prefix)
    {
        var response = await site.GetAsync($"/{prefix}/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return [.. XDocument.Parse(response.Body).Root!.Elements(Sitemap + "url").Select(u => (string)u.Element(Sitemap + "loc")!)];
    }

    private async Task<List<string>> AlternatesInSitemapAsync(string prefix, string location)
    {
        var response = await site.GetAsync($"/{prefix}/sitemap.xml");
        var entry = XDocument.Parse(response.Body).Root!.Elements(Sitemap + "url").Single(u => (string)u.Element(Sitemap + "loc")! == location);
        return [.. entry.Elements(Xhtml + "link").Select(l => (string)l.Attribute("href")!)];
    }

    /// <summary>Test cleanup: a throwaway tenant of the liver set is gone, so its version must not linger in the shared sites' pages.</summary>
    private async Task ForgetLocalizationSetAsync(string set)
    {
        await site.Service<IOutputCacheStore>().EvictByTagAsync(MedTour.Cms.Display.CacheTags.LocalizationSet(set), default);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ThemeSeoSqliteTests(SqliteSite site) : ThemeSeoTests(site);

[Collection(PostgresCollection.Name)]
public sealed class ThemeSeoPostgresTests(PostgresSite site) : ThemeSeoTests(site);
