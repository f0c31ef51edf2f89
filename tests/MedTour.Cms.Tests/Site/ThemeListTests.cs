using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.Site;

/// <summary>The clinic and doctor lists: filters that list exactly what they say, keep their choice, and pages that follow on.</summary>
public abstract partial class ThemeListTests(SiteFixture site)
{
    public static TheoryData<string, string> EverySite()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, _, tenant) in ThemeSite.Sites)
        {
            data.Add(path, tenant);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EverySite))]
    public async Task Every_filter_choice_lists_exactly_the_items_that_have_it_and_keeps_it_selected(string siteBase, string tenant)
    {
        var clinics = site.RecipeItemsOfType(tenant, "Clinic").Select(c => c.Item).ToList();
        var doctors = site.RecipeItemsOfType(tenant, "Doctor").Select(d => d.Item).ToList();
        var filters = new (string List, string Parameter, IReadOnlyList<JsonObject> Items, Func<JsonObject, IReadOnlyList<string>> Values)[]
        {
            ("clinics", "country", clinics, c => ThemeSite.Values(c["Clinic"]?["Country"], "TermContentItemIds")),
            ("clinics", "specialty", clinics, c => ThemeSite.Values(c["Clinic"]?["Specialties"], "TermContentItemIds")),
            ("doctors", "specialty", doctors, d => ThemeSite.Values(d["Doctor"]?["Specialties"], "TermContentItemIds")),
            ("doctors", "clinic", doctors, d => ThemeSite.Values(d["Doctor"]?["Clinic"], "ContentItemIds")),
            ("doctors", "language", doctors, d => ThemeSite.Values(d["Doctor"]?["Languages"], "Values")),
        };
        var problems = new List<string>();
        foreach (var (list, parameter, items, values) in filters)
        {
            var unfiltered = await site.GetAsync($"{siteBase}/{list}");
            var options = unfiltered.Document.QuerySelectorAll($"form.filters select[name={parameter}] option")
                .Select(o => o.GetAttribute("value")!).Where(v => v.Length > 0).ToList();
            Assert.NotEmpty(options);
            if (parameter == "language")
            {
                // The language choices are the languages the doctors speak.
                Assert.Equal(items.SelectMany(values).Distinct().Order(StringComparer.Ordinal), options.Order(StringComparer.Ordinal));
            }

            foreach (var option in options)
            {
                var url = $"{siteBase}/{list}?{parameter}={Uri.EscapeDataString(option)}";
                var page = await site.GetAsync(url);
                if (page.Status != HttpStatusCode.OK)
                {
                    problems.Add($"{url}: {(int)page.Status}");
                    continue;
                }

                var expected = items.Where(i => values(i).Contains(option)).Select(ThemeSite.TitleOf).Order(StringComparer.Ordinal).ToList();
                var listed = page.CardLinks.Select(a => a.TextContent.Trim()).Order(StringComparer.Ordinal).ToList();
                if (!listed.SequenceEqual(expected))
                {
                    problems.Add($"{url}: lists [{string.Join(", ", listed)}] instead of [{string.Join(", ", expected)}]");
                }

                if (Count(page) != expected.Count)
                {
                    problems.Add($"{url}: says {Count(page)} found for {expected.Count}");
                }

                var selected = page.Document.QuerySelectorAll($"form.filters select[name={parameter}] option[selected]").Select(o => o.GetAttribute("value")).ToList();
                if (selected.Count != 1 || selected[0] != option)
                {
                    problems.Add($"{url}: selected options are [{string.Join(", ", selected)}]");
                }

                if (page.Document.QuerySelectorAll("form.filters option[selected]").Length != 1)
                {
                    problems.Add($"{url}: other filters have a selected option too");
                }
            }
        }

        ThemeSite.AssertNoProblems(problems);
    }

    [Theory]
    [MemberData(nameof(EverySite))]
    public async Task Clinics_filtered_by_country_are_in_that_country_by_their_own_pages(string siteBase, string tenant)
    {
        var all = await site.GetAsync($"{siteBase}/clinics");
        var countries = all.Document.QuerySelectorAll("select[name=country] option").Where(o => o.GetAttribute("value")!.Length > 0).ToList();
        var (_, prefix, recipe) = ThemeSite.Regions.Single(r => r.Tenant == tenant);
        var terms = site.RecipeItems(recipe).Single(i => (string?)i["ContentItemId"] == "taxonomy-countries")["TaxonomyPart"]!["Terms"]!.AsArray()
            .ToDictionary(t => (string)t!["ContentItemId"]!, t => $"/{prefix}/{ThemeSite.PathOf(t!.AsObject())}");
        var problems = new List<string>();
        var listedAnywhere = new List<string>();
        foreach (var country in countries)
        {
            var page = await site.GetAsync($"{siteBase}/clinics?country={country.GetAttribute("value")}");
            var termUrl = terms[country.GetAttribute("value")!];
            foreach (var link in page.CardLinks)
            {
                // The clinic page links to its country's page in its facts, and names it in its schema.org address.
                var clinic = await site.GetAsync(link.GetAttribute("href")!);
                var countryLinks = clinic.Document.QuerySelectorAll("dl.facts a").Select(a => a.GetAttribute("href")).Where(h => terms.ContainsValue(h!)).ToList();
                var addressCountry = (string?)clinic.JsonLd.FirstOrDefault(o => (string?)o["@type"] == "MedicalClinic")?["address"]?["addressCountry"];
                listedAnywhere.Add(link.GetAttribute("href")!);
                if (clinic.Status != HttpStatusCode.OK || countryLinks.Count != 1 || countryLinks[0] != termUrl || addressCountry != country.TextContent.Trim())
                {
                    problems.Add($"{page.Url}: {link.GetAttribute("href")} answered {(int)clinic.Status}, links to countries [{string.Join(", ", countryLinks)}] and has addressCountry '{addressCountry}', not {termUrl} '{country.TextContent.Trim()}'");
                }
            }
        }

        ThemeSite.AssertNoProblems(problems);
        // Each clinic is in one country: the country lists together are the whole list.
        Assert.Equal(all.CardLinks.Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal), listedAnywhere.Order(StringComparer.Ordinal));
        Assert.Equal(site.RecipeItemsOfType(tenant, "Clinic").Count, listedAnywhere.Count);
    }

    [Theory]
    [MemberData(nameof(EverySite))]
    public async Task Doctors_filtered_by_language_speak_it_by_their_own_pages(string siteBase, string tenant)
    {
        var all = await site.GetAsync($"{siteBase}/doctors");
        var languages = all.Document.QuerySelectorAll("select[name=language] option").Select(o => o.GetAttribute("value")!).Where(v => v.Length > 0).ToList();
        var problems = new List<string>();
        foreach (var language in languages)
        {
            var page = await site.GetAsync($"{siteBase}/doctors?language={language}");
            Assert.NotEmpty(page.CardLinks);
            foreach (var link in page.CardLinks)
            {
                // The doctor page states the languages as codes in its schema.org Physician (the text shows their names).
                var doctor = await site.GetAsync(link.GetAttribute("href")!);
                var physician = doctor.JsonLd.FirstOrDefault(o => (string?)o["@type"] == "Physician");
                var spoken = ThemeSite.Values(physician, "knowsLanguage");
                var facts = doctor.Document.QuerySelector("dl.facts")?.TextContent ?? string.Empty;
                var shown = facts.Contains(LanguageName(language), StringComparison.OrdinalIgnoreCase) || facts.Contains(language.ToUpperInvariant(), StringComparison.Ordinal);
                if (doctor.Status != HttpStatusCode.OK || !spoken.Contains(language) || !shown)
                {
                    problems.Add($"{page.Url}: {link.GetAttribute("href")} answered {(int)doctor.Status} and speaks [{string.Join(", ", spoken)}], not {language}");
                }
            }
        }

        ThemeSite.AssertNoProblems(problems);
        Assert.Equal(site.RecipeItemsOfType(tenant, "Doctor").Count, all.CardLinks.Count);
    }

    [Theory]
    [InlineData("/eu", "term-specialty-oncology", "eu-clinic-dnipro", "en")]
    [InlineData("/us", "term-specialty-oncology", "us-clinic-konkan", "hi")]
    [InlineData("/ua", "term-specialty-oncology", "ua-clinic-verba", "ru")]
    [InlineData("/ua/ru", "term-specialty-surgery", "ua-clinic-verba", "uk")]
    public async Task Combined_filters_keep_every_choice_selected_and_offer_to_clear_them(string siteBase, string specialty, string clinic, string language)
    {
        var page = await site.GetAsync($"{siteBase}/doctors?specialty={specialty}&clinic={clinic}&language={language}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(specialty, page.Document.QuerySelector("select[name=specialty] option[selected]")?.GetAttribute("value"));
        Assert.Equal(clinic, page.Document.QuerySelector("select[name=clinic] option[selected]")?.GetAttribute("value"));
        Assert.Equal(language, page.Document.QuerySelector("select[name=language] option[selected]")?.GetAttribute("value"));
        Assert.Equal(3, page.Document.QuerySelectorAll("form.filters option[selected]").Length);
        Assert.NotEmpty(page.CardLinks);
        var clear = page.Document.QuerySelectorAll("main p.meta a").Single(a => a.GetAttribute("href") == $"{siteBase}/doctors");
        Assert.Equal(HttpStatusCode.OK, (await site.GetAsync(clear.GetAttribute("href")!)).Status);
        var clinicsPage = await site.GetAsync($"{siteBase}/clinics?country=term-country-germany&specialty={specialty}");
        Assert.Equal("term-country-germany", clinicsPage.Document.QuerySelector("select[name=country] option[selected]")?.GetAttribute("value"));
        Assert.Equal(specialty, clinicsPage.Document.QuerySelector("select[name=specialty] option[selected]")?.GetAttribute("value"));
    }

    [Theory]
    // Not /ua/ru: its six Russian items fit on one page of results.
    [InlineData("/ua", "клініка")]
    [InlineData("/eu", "clinic")]
    [InlineData("/us", "clinic")]
    public async Task Search_results_are_paged_by_next_links_to_pages_with_other_items(string siteBase, string word)
    {
        var first = await site.GetAsync($"{siteBase}/search?q={Uri.EscapeDataString(word)}");
        var total = Count(first);
        var perPage = first.SearchHitLinks.Count;
        Assert.True(total > perPage, $"only {total} results ({perPage} a page): no second page to test");

        var seen = new List<string>();
        var page = first;
        var pages = 0;
        while (true)
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            pages++;
            var items = page.SearchHitLinks.Select(a => a.GetAttribute("href")!).ToList();
            Assert.NotEmpty(items);
            Assert.Empty(items.Intersect(seen));
            seen.AddRange(items);
            Assert.Equal(word, page.Document.QuerySelector("input#search-q")?.GetAttribute("value"));
            var next = page.Document.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
            if (pages > 1)
            {
                Assert.NotNull(page.Document.QuerySelector("nav.pager a[rel=prev]"));
            }

            if (next is null)
            {
                break;
            }

            Assert.StartsWith($"{siteBase}/search?", next, StringComparison.Ordinal);
            Assert.Contains("q=", next, StringComparison.Ordinal);
            Assert.Contains($"page={pages + 1}", next, StringComparison.Ordinal);
            page = await site.GetAsync(next);
        }

        Assert.Equal((total + perPage - 1) / perPage, pages);
        Assert.Equal(total, seen.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync($"{siteBase}/search?q={Uri.EscapeDataString(word)}&page={pages + 1}")).Status);
    }

    [Fact]
    public async Task A_filtered_doctor_list_of_several_pages_keeps_its_filter_in_the_page_links_and_shows_each_doctor_once()
    {
        // 30 doctors with many equal years of experience (the list's order), half of them speaking German.
        var data = new JsonArray(JsonNode.Parse("""{"ContentItemId":"c1","ContentType":"Clinic","Published":true,"TitlePart":{"Title":"Pager Clinic"},"AutoroutePart":{"Path":"clinics/pager"},"LocalizationPart":{"Culture":"en"},"Clinic":{"City":{"Text":"Berlin"}}}"""));
        var german = new List<string>();
        for (var i = 1; i <= 30; i++)
        {
            var title = $"Dr. Pager {i:00}";
            var languages = i % 2 == 0 ? new JsonArray("de", "en") : new JsonArray("en");
            if (i % 2 == 0)
            {
                german.Add(title);
            }

            data.Add(new JsonObject
            {
                ["ContentItemId"] = $"d{i:00}",
                ["ContentType"] = "Doctor",
                ["Published"] = true,
                ["TitlePart"] = new JsonObject { ["Title"] = title },
                ["AutoroutePart"] = new JsonObject { ["Path"] = $"doctors/pager-{i:00}" },
                ["LocalizationPart"] = new JsonObject { ["Culture"] = "en" },
                ["Doctor"] = new JsonObject
                {
                    ["Clinic"] = new JsonObject { ["ContentItemIds"] = new JsonArray("c1") },
                    ["Languages"] = new JsonObject { ["Values"] = languages },
                    ["YearsOfExperience"] = new JsonObject { ["Value"] = 10 + (i % 3) },
                },
            });
        }

        var tenant = await site.NewTenantAsync("pager", "medtour-content-types", new JsonObject { ["name"] = "Content", ["data"] = data }.ToJsonString());
        try
        {
            var listed = new List<string>();
            var page = await site.GetAsync($"/{tenant}/doctors?language=de&clinic=c1");
            var pages = 0;
            while (true)
            {
                Assert.Equal(HttpStatusCode.OK, page.Status);
                pages++;
                Assert.Equal("de", page.Document.QuerySelector("select[name=language] option[selected]")?.GetAttribute("value"));
                Assert.Equal("c1", page.Document.QuerySelector("select[name=clinic] option[selected]")?.GetAttribute("value"));
                listed.AddRange(page.CardLinks.Select(a => a.TextContent.Trim()));
                var next = page.Document.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
                if (next is null)
                {
                    break;
                }

                Assert.Contains("language=de", next, StringComparison.Ordinal);
                Assert.Contains("clinic=c1", next, StringComparison.Ordinal);
                page = await site.GetAsync(next);
                var previous = page.Document.QuerySelector("nav.pager a[rel=prev]")?.GetAttribute("href");
                Assert.NotNull(previous);
                Assert.Contains("language=de", previous, StringComparison.Ordinal);
            }

            Assert.Equal(2, pages);
            Assert.Equal(german.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
            Assert.Equal(15, Count(page));
            Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync($"/{tenant}/doctors?language=de&page=3")).Status);
            var everyone = await site.GetAsync($"/{tenant}/doctors?page=3");
            Assert.Equal(HttpStatusCode.OK, everyone.Status);
            Assert.Equal(6, everyone.CardLinks.Count);
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }

    private static string LanguageName(string code)
    {
        var name = CultureInfo.GetCultureInfo(code).NativeName;
        return name.Length == 0 ? code : name;
    }

    /// <summary>The "N found" / "N results" number of a list page.</summary>
    private static int Count(ThemePage page)
    {
        var status = page.Document.QuerySelector("main p.meta[role=status]")?.TextContent ?? string.Empty;
        var match = Number().Match(status);
        return match.Success ? int.Parse(match.Value, CultureInfo.InvariantCulture) : -1;
    }

    [GeneratedRegex("\\d+")]
    private static partial Regex Number();
}

[Collection(SqliteCollection.Name)]
public sealed class ThemeListSqliteTests(SqliteSite site) : ThemeListTests(site);

[Collection(PostgresCollection.Name)]
public sealed class ThemeListPostgresTests(PostgresSite site) : ThemeListTests(site);
