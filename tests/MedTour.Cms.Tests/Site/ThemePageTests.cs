using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using MedTour.Cms.Recipes;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Site;

/// <summary>A page fetched over HTTP and parsed as HTML.</summary>
public sealed record ThemePage(string Url, HttpStatusCode Status, IHtmlDocument Document, string Body, HttpResponseMessage Response)
{
    /// <summary>The alternates of the head: (hreflang, href).</summary>
    public IReadOnlyList<(string Hreflang, string Href)> Alternates =>
        [.. Document.QuerySelectorAll("head link[rel=alternate][hreflang]").Select(l => (l.GetAttribute("hreflang")!, l.GetAttribute("href")!))];

    public string? Canonical => Document.QuerySelector("head link[rel=canonical]")?.GetAttribute("href");

    public string H1 => Document.QuerySelector("h1")?.TextContent.Trim() ?? string.Empty;

    /// <summary>The links of the item cards of a list (one per listed item).</summary>
    public IReadOnlyList<IElement> CardLinks => [.. Document.QuerySelectorAll("main ul.cards > li h3 a")];

    /// <summary>The result links of the search page (a list of hits, not of cards).</summary>
    public IReadOnlyList<IElement> SearchHitLinks => [.. Document.QuerySelectorAll("main ol.search-hits > li h3 a")];

    /// <summary>The schema.org objects of the page's JSON-LD scripts (each script is an array or one object).</summary>
    public IReadOnlyList<JsonObject> JsonLd =>
        [.. Document.QuerySelectorAll("script[type='application/ld+json']").SelectMany(s => JsonNode.Parse(s.TextContent) switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject single => [single],
            _ => [],
        })];

    /// <summary>The value shown next to a label in the facts list of an item page (Country, Languages, Clinic…).</summary>
    public IElement? Fact(string label) =>
        Document.QuerySelectorAll("dl.facts dt").FirstOrDefault(dt => dt.TextContent.Trim() == label)?.NextElementSibling;
}

/// <summary>What the theme tests share: the regional sites, fetching pages, reading recipes, creating throwaway tenants.</summary>
public static class ThemeSite
{
    public const string Origin = "http://localhost";

    /// <summary>The regional tenants: name, URL prefix, recipe.</summary>
    public static readonly IReadOnlyList<(string Tenant, string Prefix, string Recipe)> Regions =
    [
        ("ukraine", "ua", "medtour-ukraine"),
        ("europe", "eu", "medtour-europe"),
        ("usa", "us", "medtour-usa"),
    ];

    /// <summary>Every culture of every regional site: the base of its URLs and its culture.</summary>
    public static readonly IReadOnlyList<(string Base, string Culture, string Tenant)> Sites =
    [
        ("/ua", "uk", "ukraine"),
        ("/ua/ru", "ru", "ukraine"),
        ("/eu", "en", "europe"),
        ("/us", "en", "usa"),
    ];

    /// <summary>The liver metastasis article in each region and culture, and its hreflang.</summary>
    public static readonly IReadOnlyList<(string Url, string Culture, string Hreflang)> LiverArticles =
    [
        ("/ua/metastazy-v-pechintsi", "uk", "uk-UA"),
        ("/ua/ru/metastazy-v-pecheni", "ru", "ru-UA"),
        ("/eu/liver-metastasis", "en", "en"),
        ("/us/liver-metastasis", "en", "en-US"),
    ];

    public static async Task<ThemePage> GetAsync(this SiteFixture site, string url, string? host = null, Action<HttpRequestMessage>? configure = null)
    {
        using var client = site.Client(host);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        configure?.Invoke(request);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new ThemePage(url, response.StatusCode, new HtmlParser().ParseDocument(body), body, response);
    }

    /// <summary>An absolute URL of the test server: its host goes into the Host header.</summary>
    public static Task<ThemePage> GetAbsoluteAsync(this SiteFixture site, string absoluteUrl)
    {
        var uri = new Uri(absoluteUrl, UriKind.Absolute);
        return site.GetAsync(uri.PathAndQuery, uri.Host == "localhost" ? null : uri.Authority);
    }

    /// <summary>The tel: links every page's regions bar must show for a region (from its tenant settings).</summary>
    public static IReadOnlyList<string> TelLinks(this SiteFixture site, string tenant) =>
        [.. site.Service<TenantRegistry>().Find(tenant)!.Region!.PhoneLines.Select(l => "tel:" + new string([.. l.Number.Where(c => char.IsDigit(c) || c == '+')]))];

    /// <summary>A link to a region's home: by its URL prefix, or by its own host when the page was reached through a region's host.</summary>
    public static bool LinksToRegion(this SiteFixture site, string? href, string tenant, string prefix)
    {
        if (href is null)
        {
            return false;
        }

        var hosts = site.Service<TenantRegistry>().Find(tenant)!.RequestUrlHosts;
        var host = hosts.Count > 0 ? hosts[0] : null;
        return href.EndsWith($"/{prefix}/", StringComparison.Ordinal)
            || (host is not null && Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Host == host && uri.AbsolutePath == "/");
    }

    /// <summary>Problems with the regions bar: each of the three regions with a link to its site and all its phone lines.</summary>
    public static IEnumerable<string> RegionsBarProblems(this SiteFixture site, ThemePage page)
    {
        var bar = page.Document.QuerySelector("header nav.regions-bar");
        if (bar is null)
        {
            yield return $"{page.Url}: no nav.regions-bar in the header";
            yield break;
        }

        foreach (var (tenant, prefix, _) in Regions)
        {
            var item = bar.QuerySelectorAll("li").FirstOrDefault(li => site.LinksToRegion(li.QuerySelector("a")?.GetAttribute("href"), tenant, prefix));
            if (item is null)
            {
                yield return $"{page.Url}: the regions bar has no entry linking to /{prefix}/";
                continue;
            }

            var tels = item.QuerySelectorAll("a[href^='tel:']").Select(a => a.GetAttribute("href")!).ToList();
            var expected = site.TelLinks(tenant);
            if (!tels.SequenceEqual(expected))
            {
                yield return $"{page.Url}: region {tenant} shows {string.Join(" ", tels)} instead of {string.Join(" ", expected)}";
            }
        }
    }

    /// <summary>The Content step items of a recipe file.</summary>
    public static IReadOnlyList<JsonObject> RecipeItems(this SiteFixture site, string recipe)
    {
        var file = Path.Combine(site.Service<AppPaths>().Recipes, recipe + ".recipe.json");
        var root = JsonNode.Parse(File.ReadAllText(file))!;
        return [.. root["steps"]!.AsArray().OfType<JsonObject>()
            .Where(step => (string?)step["name"] == "Content")
            .SelectMany(step => step["data"]!.AsArray().OfType<JsonObject>())];
    }

    public static string? PathOf(JsonObject item) => (string?)item["AutoroutePart"]?["Path"];

    public static string TitleOf(JsonObject item) => (string)item["TitlePart"]!["Title"]!;

    public static IReadOnlyList<string> Values(JsonNode? field, string property) =>
        field?[property] is JsonArray values ? [.. values.Select(v => (string)v!)] : [];

    /// <summary>Published items of a type in a region's recipe, with their site-relative URL (e.g. /ua/ru/metastazy-v-pecheni).</summary>
    public static IReadOnlyList<(JsonObject Item, string Url)> RecipeItemsOfType(this SiteFixture site, string tenant, string contentType)
    {
        var (_, prefix, recipe) = Regions.Single(r => r.Tenant == tenant);
        return [.. site.RecipeItems(recipe)
            .Where(i => (string?)i["ContentType"] == contentType && (bool?)i["Published"] == true && PathOf(i) is not null)
            .Select(i => (i, $"/{prefix}/{PathOf(i)}"))];
    }

    /// <summary>A throwaway tenant (no region, so the shared sites' region bars stay as they are) set up from a recipe, then given more steps.</summary>
    public static async Task<string> NewTenantAsync(this SiteFixture site, string stem, string recipe, params string[] steps)
    {
        var name = stem + Guid.NewGuid().ToString("N")[..8];
        var manager = site.Service<TenantManager>();
        manager.Create(new TenantSettings { Name = name, RequestUrlPrefix = name, Cultures = ["en"], RecipeName = recipe, Features = ["Contents", "MedTour"], Theme = "MedTour" });
        await manager.SetupAsync(name);
        if (steps.Length > 0)
        {
            await site.ImportAsync(name, steps);
        }

        return name;
    }

    public static async Task ImportAsync(this SiteFixture site, string tenant, params string[] steps)
    {
        await using var scope = site.TenantScope(tenant);
        var json = $$"""{"name":"theme-test","steps":[{{string.Join(",", steps)}}]}""";
        await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeReader.Parse(json, "theme-test.recipe.json"));
    }

    public static async Task RemoveTenantAsync(this SiteFixture site, string tenant)
    {
        var manager = site.Service<TenantManager>();
        if (site.Service<TenantRegistry>().Find(tenant) is null)
        {
            return;
        }

        await manager.DisableAsync(tenant);
        await manager.RemoveAsync(tenant);
    }

    public static void AssertNoProblems(IReadOnlyCollection<string> problems) =>
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s):\n" + string.Join("\n", problems));
}

/// <summary>Every kind of page, in every region and culture, has the layout a patient and a screen reader rely on.</summary>
public abstract class ThemePageTests(SiteFixture site)
{
    /// <summary>(host or "", URL, culture, kind) for every kind of page of every site.</summary>
    public static TheoryData<string, string, string, string> EveryPage()
    {
        var data = new TheoryData<string, string, string, string> { { "", "/", "en", "chooser" } };
        var ukrainian = new (string Path, string Kind)[]
        {
            ("/", "home"), ("/articles", "list"), ("/clinics", "list"), ("/doctors", "list"), ("/treatments", "list"), ("/search?q=рак", "list"),
            ("/kliniky/bosfor", "clinic"), ("/likari/mekhmet-ozkan", "doctor"), ("/likuvannia/rezektsiia-pechinky", "treatment"),
            ("/avtory/iryna-kovalenko", "person"), ("/zakhvoriuvannia/metastazy-v-pechintsi", "term"), ("/krainy/nimechchyna", "term"),
            ("/spetsialnosti/onkolohiia", "term"), ("/consultation", "form"),
        };
        foreach (var (path, kind) in ukrainian)
        {
            data.Add("", "/ua" + path, "uk", kind);
            data.Add("", "/ua/ru" + path, "ru", kind);
        }

        data.Add("", "/ua/metastazy-v-pechintsi", "uk", "article");
        data.Add("", "/ua/kolorektalnyi-rak", "uk", "article");
        data.Add("", "/ua/ru/metastazy-v-pecheni", "ru", "article");
        data.Add("", "/ua/ru/kolorektalnyj-rak", "ru", "article");
        foreach (var (prefix, doctor, author) in new[] { ("/eu", "/doctors/matthias-brenner", "/authors/katrin-vogel"), ("/us", "/doctors/florian-weiss", "/authors/rachel-goldstein") })
        {
            foreach (var (path, kind) in new (string, string)[]
            {
                ("/", "home"), ("/articles", "list"), ("/clinics", "list"), ("/doctors", "list"), ("/treatments", "list"), ("/search?q=liver", "list"),
                ("/liver-metastasis", "article"), ("/clinics/isar-tumor-center", "clinic"), (doctor, "doctor"), ("/treatments/liver-resection", "treatment"),
                (author, "person"), ("/conditions/liver-metastasis", "term"), ("/countries/germany", "term"), ("/specialties/oncology", "term"), ("/consultation", "form"),
            })
            {
                data.Add("", prefix + path, "en", kind);
            }
        }

        // The same sites reached by their own host name.
        data.Add("ua.medtour.example", "/", "uk", "home");
        data.Add("ua.medtour.example", "/metastazy-v-pechintsi", "uk", "article");
        data.Add("ua.medtour.example", "/ru/metastazy-v-pecheni", "ru", "article");
        data.Add("eu.medtour.example", "/clinics", "en", "list");
        data.Add("us.medtour.example", "/liver-metastasis", "en", "article");
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPage))]
    public async Task Every_page_has_the_language_one_heading_a_main_landmark_a_skip_link_a_title_and_every_regions_phone_lines(string host, string url, string culture, string kind)
    {
        var page = await site.GetAsync(url, host.Length == 0 ? null : host);
        var document = page.Document;

        Assert.True(page.Status == HttpStatusCode.OK, $"{host}{url} answered {(int)page.Status}");
        Assert.Equal(culture, document.DocumentElement.GetAttribute("lang"));
        Assert.Single(document.QuerySelectorAll("h1"));
        Assert.False(string.IsNullOrWhiteSpace(page.H1));
        Assert.Single(document.QuerySelectorAll("main#main"));
        Assert.NotNull(document.QuerySelector("body > a.skip-link[href='#main']"));
        Assert.False(string.IsNullOrWhiteSpace(document.Title), "no <title>");
        var titleParts = document.Title.Split(" · ");
        Assert.True(titleParts.Length == titleParts.Distinct().Count(), $"<title>{document.Title}</title> says the same twice");
        Assert.NotNull(page.Canonical);
        Assert.True(Uri.IsWellFormedUriString(page.Canonical, UriKind.Absolute), $"canonical {page.Canonical} is not absolute");
        ThemeSite.AssertNoProblems([.. site.RegionsBarProblems(page)]);
        Assert.Contains(page.JsonLd, o => (string?)o["@type"] == "Organization");
        if (kind == "article")
        {
            var description = document.QuerySelector("head meta[name=description]")?.GetAttribute("content");
            Assert.False(string.IsNullOrWhiteSpace(description), $"{url} has no meta description");
            Assert.NotNull(document.QuerySelector(".medical-author a"));
        }

        if (kind is "article" or "clinic" or "doctor" or "treatment" or "person")
        {
            // The item's own text (h1) is what the title is about.
            Assert.Contains(page.H1.Split(':')[0], document.Title, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task No_article_shows_a_shortcode_as_text_and_each_consultation_cta_and_clinic_card_is_rendered()
    {
        var problems = new List<string>();
        foreach (var (tenant, _, _) in ThemeSite.Regions)
        {
            foreach (var (item, url) in site.RecipeItemsOfType(tenant, "Article"))
            {
                var page = await site.GetAsync(url);
                if (page.Status != HttpStatusCode.OK)
                {
                    problems.Add($"{url}: {(int)page.Status}");
                    continue;
                }

                var html = (string)item["HtmlBodyPart"]!["Html"]!;
                var text = page.Document.Body!.TextContent;
                foreach (var literal in new[] { "[consultation_cta", "[clinic_card", "[/", "consultation_cta]" })
                {
                    if (text.Contains(literal, StringComparison.Ordinal))
                    {
                        problems.Add($"{url}: shows '{literal}' as text");
                    }
                }

                var ctas = CountOf(html, "[consultation_cta]");
                if (page.Document.QuerySelectorAll(".prose aside.cta").Length != ctas)
                {
                    problems.Add($"{url}: {page.Document.QuerySelectorAll(".prose aside.cta").Length} aside.cta in the body for {ctas} [consultation_cta]");
                }

                var cards = page.Document.QuerySelectorAll(".prose .clinic-card").ToList();
                var cardIds = System.Text.RegularExpressions.Regex.Matches(html, "\\[clinic_card id=\"([^\"]+)\"\\]").Select(m => m.Groups[1].Value).ToList();
                if (cards.Count != cardIds.Count)
                {
                    problems.Add($"{url}: {cards.Count} .clinic-card for {cardIds.Count} [clinic_card]");
                    continue;
                }

                var clinics = site.RecipeItemsOfType(tenant, "Clinic");
                for (var i = 0; i < cardIds.Count; i++)
                {
                    var clinic = clinics.Single(c => (string?)c.Item["ContentItemId"] == cardIds[i]);
                    var link = cards[i].QuerySelector("a");
                    if (link?.GetAttribute("href") != clinic.Url || link.TextContent.Trim() != ThemeSite.TitleOf(clinic.Item))
                    {
                        problems.Add($"{url}: clinic card {i + 1} links to {link?.GetAttribute("href")} ({link?.TextContent.Trim()}) instead of {clinic.Url}");
                    }
                }
            }
        }

        ThemeSite.AssertNoProblems(problems);
    }

    [Theory]
    [InlineData("/ua/metastazy-v-pechintsi")]
    [InlineData("/ua/ru/metastazy-v-pecheni")]
    [InlineData("/eu/liver-metastasis")]
    [InlineData("/us/liver-metastasis")]
    public async Task The_liver_article_has_three_calls_to_action_each_leading_to_the_consultation_form(string url)
    {
        var page = await site.GetAsync(url);

        var ctas = page.Document.QuerySelectorAll("aside.cta").ToList();
        Assert.Equal(3, ctas.Count);
        foreach (var cta in ctas)
        {
            var href = cta.QuerySelector("a.cta-link")!.GetAttribute("href")!;
            Assert.Equal(HttpStatusCode.OK, (await site.GetAsync(href)).Status);
        }
    }

    [Fact]
    public async Task The_clinic_card_in_the_europe_liver_article_links_to_that_clinic()
    {
        var page = await site.GetAsync("/eu/liver-metastasis");

        var card = page.Document.QuerySelectorAll(".prose .clinic-card").FirstOrDefault(c => c.GetAttribute("aria-label") == "Isar Tumor Center");
        Assert.NotNull(card);
        var href = card.QuerySelector("h3 a")!.GetAttribute("href")!;
        Assert.Equal("/eu/clinics/isar-tumor-center", href);
        var clinic = await site.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, clinic.Status);
        Assert.Equal("Isar Tumor Center", clinic.H1);
        Assert.Equal("Munich", card.QuerySelector("p")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("ua.medtour.example", "/metastazy-v-pechintsi")]
    [InlineData("eu.medtour.example", "/liver-metastasis")]
    [InlineData("us.medtour.example", "/liver-metastasis")]
    public async Task On_a_regional_host_every_region_link_of_the_regions_bar_opens_that_regions_home(string host, string url)
    {
        var page = await site.GetAsync(url, host);
        Assert.Equal(HttpStatusCode.OK, page.Status);

        var problems = new List<string>();
        foreach (var (tenant, prefix, _) in ThemeSite.Regions)
        {
            var link = page.Document.QuerySelectorAll("nav.regions-bar li > a").Select(a => a.GetAttribute("href")!).Single(h => site.LinksToRegion(h, tenant, prefix));
            var target = await site.GetAbsoluteAsync(link);
            // The page reached must be that region's: its own entry is the current one in the regions bar.
            var current = target.Document.QuerySelector("nav.regions-bar li.current > a")?.GetAttribute("href");
            if (target.Status != HttpStatusCode.OK || !site.LinksToRegion(current, tenant, prefix))
            {
                problems.Add($"on {host}: the {tenant} link {link} answered {(int)target.Status}, a page of region {current ?? "(none)"}");
            }
        }

        ThemeSite.AssertNoProblems(problems);
    }

    [Fact]
    public async Task Every_link_image_and_stylesheet_of_the_sites_leads_somewhere_that_answers()
    {
        // Other tests add items of their own to the shared sites: their pages must answer, but what they link to is theirs.
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, prefix, recipe) in ThemeSite.Regions)
        {
            var items = site.RecipeItems(recipe);
            var paths = items.Select(ThemeSite.PathOf)
                .Concat(items.SelectMany(i => i["TaxonomyPart"]?["Terms"]?.AsArray().OfType<JsonObject>() ?? []).Select(ThemeSite.PathOf))
                .OfType<string>().Concat(["", "articles", "clinics", "doctors", "treatments", "search", "consultation", "sitemap.xml"]);
            known.UnionWith(paths.Select(p => $"/{prefix}/{p}"));
            known.UnionWith(paths.Where(p => !p.StartsWith("ru/", StringComparison.Ordinal)).Select(p => $"/{prefix}/ru/{p}"));
        }

        bool Follow(string url)
        {
            var path = url.Split('?')[0].TrimEnd('/');
            return path.Length == 0 || known.Contains(path) || known.Contains(path + "/");
        }

        var queue = new Queue<(string Url, string From)>(new[] { "/", "/ua/", "/ua/ru/", "/eu/", "/us/" }.Select(u => (u, "start")));
        var seen = new HashSet<string>(queue.Select(q => q.Url), StringComparer.Ordinal);
        var problems = new List<string>();
        var pages = 0;
        while (queue.Count > 0 && pages < 2500)
        {
            var (url, from) = queue.Dequeue();
            var page = await site.GetAsync(url);
            pages++;
            if (page.Status != HttpStatusCode.OK)
            {
                problems.Add($"{url} (linked from {from}) answered {(int)page.Status}");
                continue;
            }

            if (page.Response.Content.Headers.ContentType?.MediaType != "text/html" || !Follow(Uri.UnescapeDataString(url)))
            {
                continue;
            }

            // hreflang alternates are the SEO tests' business (they may name other tests' throwaway tenants).
            var references = page.Document.QuerySelectorAll("a[href], link[href]:not([rel=alternate]), img[src]")
                .Select(e => e.GetAttribute(e.LocalName == "img" ? "src" : "href")!)
                .Where(h => !h.StartsWith("tel:", StringComparison.Ordinal) && !h.StartsWith('#'));
            foreach (var reference in references)
            {
                var target = new Uri(new Uri(ThemeSite.Origin + url), reference);
                var relative = target.PathAndQuery;
                if (target.GetLeftPart(UriPartial.Authority) != ThemeSite.Origin
                    || !(relative == "/" || new[] { "/ua/", "/eu/", "/us/", "/themes/" }.Any(p => relative.StartsWith(p, StringComparison.Ordinal))))
                {
                    problems.Add($"{url} links outside the sites: {reference}");
                    continue;
                }

                if (seen.Add(relative))
                {
                    queue.Enqueue((relative, url));
                }
            }
        }

        Assert.True(pages > 200, $"only {pages} pages reached");
        ThemeSite.AssertNoProblems(problems);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ThemePageSqliteTests(SqliteSite site) : ThemePageTests(site);

[Collection(PostgresCollection.Name)]
public sealed class ThemePagePostgresTests(PostgresSite site) : ThemePageTests(site);
