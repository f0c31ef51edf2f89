using System.Net;
using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Search;

/// <summary>Search end to end on each database: ranking, inflections, facets, what never appears, freshness, bad input.</summary>
public abstract class SearchTests(SiteFixture site)
{
    [Fact]
    public async Task A_title_match_ranks_above_a_body_match()
    {
        var token = SearchApi.Token();
        var inBody = Articles.New("Plain article", Articles.UniquePath("body"));
        inBody.Content["HtmlBodyPart"]!["Html"] = $"<p>Somewhere in the text: {token}, and much more text about other things.</p>";
        var inTitle = Articles.New($"{token} explained", Articles.UniquePath("title"));
        await CreateAsync("europe", inBody);
        await CreateAsync("europe", inTitle);

        var json = await SearchApi.OkAsync(site, "/eu", $"q={token}");

        Assert.Equal([inTitle.ContentItemId, inBody.ContentItemId], SearchApi.Ids(json));
        Assert.Contains("<mark>", (string)json["hits"]![1]!["snippet"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_word_deep_in_a_long_body_is_highlighted_in_the_snippet()
    {
        // The highlighter gets a window around the first match, not only the body's first characters.
        var token = SearchApi.Token();
        var item = Articles.New("Long article", Articles.UniquePath("long"));
        item.Content["HtmlBodyPart"]!["Html"] = "<p>" + string.Concat(Enumerable.Repeat("Unrelated words about travel and recovery. ", 150)) + $"The rare word {token} is here.</p>";
        await CreateAsync("europe", item);

        var json = await SearchApi.OkAsync(site, "/eu", $"q={token}");

        Assert.Equal([item.ContentItemId], SearchApi.Ids(json));
        Assert.Contains($"<mark>{token}</mark>", (string)json["hits"]![0]!["snippet"]!, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/ua", "uk", "Лікування печінка", "печінки")]
    [InlineData("/ua", "uk", "Клініка в Стамбулі", "клініці")]
    [InlineData("/ua", "uk", "Досвідчений лікар", "лікарем")]
    [InlineData("/ua/ru", "ru", "Болезни печень", "печени")]
    [InlineData("/ua/ru", "ru", "Метастазы в печени", "метастазов")]
    public async Task Inflected_forms_find_each_other(string siteBase, string culture, string title, string query)
    {
        var token = SearchApi.Token();
        var item = Articles.New($"{title} {token}", Articles.UniquePath("inflected"), culture);
        await CreateAsync("ukraine", item);

        var json = await SearchApi.OkAsync(site, siteBase, $"q={Uri.EscapeDataString(query + " " + token)}");

        Assert.True(SearchApi.Ids(json).Contains(item.ContentItemId), json.ToJsonString());
    }

    [Fact]
    public async Task Facet_counts_equal_the_hits_of_each_filter()
    {
        foreach (var (siteBase, q) in new[] { ("/ua", "онкологія"), ("/eu", "liver"), ("/ua", "клініка") })
        {
            var json = await SearchApi.OkAsync(site, siteBase, $"q={Uri.EscapeDataString(q)}");
            Assert.True(SearchApi.Total(json) > 0, $"{siteBase} {q}: nothing found");
            var checkedValues = 0;
            foreach (var (facet, values) in json["facets"]!.AsObject())
            {
                foreach (var value in values!.AsArray())
                {
                    var filtered = await SearchApi.OkAsync(site, siteBase, $"q={Uri.EscapeDataString(q)}&{facet}={Uri.EscapeDataString((string)value!["value"]!)}");
                    Assert.Equal((int)value["count"]!, SearchApi.Total(filtered));
                    checkedValues++;
                }
            }

            Assert.True(checkedValues > 0);
            var typeTotal = json["facets"]!["type"]!.AsArray().Sum(v => (int)v!["count"]!);
            Assert.Equal(SearchApi.Total(json), typeTotal);
        }
    }

    [Fact]
    public async Task Drafts_removed_items_and_other_tenants_items_never_appear()
    {
        var token = SearchApi.Token();
        await using (var scope = site.TenantScope("europe"))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            await content.CreateAsync(Articles.New($"Draft {token}", Articles.UniquePath("draft")), VersionOptions.Draft);
            var removed = Articles.New($"Removed {token}", Articles.UniquePath("removed"));
            await content.CreateAsync(removed);
            await content.RemoveAsync(removed);
            var unpublished = Articles.New($"Unpublished {token}", Articles.UniquePath("unpublished"));
            await content.CreateAsync(unpublished);
            await content.UnpublishAsync(unpublished);
        }

        var visible = Articles.New($"Visible {token}", Articles.UniquePath("visible"));
        await CreateAsync("europe", visible);

        Assert.Equal([visible.ContentItemId], SearchApi.Ids(await SearchApi.OkAsync(site, "/eu", $"q={token}")));
        Assert.Equal(0, SearchApi.Total(await SearchApi.OkAsync(site, "/us", $"q={token}")));
        Assert.Equal(0, SearchApi.Total(await SearchApi.OkAsync(site, "/ua", $"q={token}")));
    }

    [Fact]
    public async Task A_published_item_is_searchable_when_only_the_background_service_applies_it()
    {
        var token = SearchApi.Token();
        var item = Articles.New($"Fresh {token}", Articles.UniquePath("fresh"));
        await CreateAsync("europe", item);
        // How fast (the issue's "under 1 s") is bench phase x's publish → searchable, measured on an idle machine; here
        // the bound only keeps a loaded CI machine from failing a test of behaviour.
        var elapsed = await Eventually.WithinAsync(TimeSpan.FromSeconds(15), async () =>
        {
            // The index itself, not the search service (which would catch up on its own).
            var store = site.Service<MedTour.Cms.Modules.Search.Lucene.SearchIndexStore>();
            var index = store.Index(store.Tenant("europe"), "en");
            var searcher = index.Acquire();
            try
            {
                var hits = searcher.Search(new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term("ContentItemId", item.ContentItemId)), 1);
                return await Task.FromResult(hits.TotalHits == 1);
            }
            finally
            {
                index.Release(searcher);
            }
        });

        Assert.NotNull(elapsed);
    }

    [Fact]
    public async Task Misspelt_words_find_with_the_fuzzy_fallback()
    {
        var json = await SearchApi.OkAsync(site, "/eu", "q=cybernife");

        Assert.True(SearchApi.Total(json) > 0);
        Assert.True((bool)json["fuzzy"]!);
    }

    [Fact]
    public async Task A_sentence_with_a_word_no_item_has_finds_the_items_with_some_of_its_words()
    {
        var all = await SearchApi.OkAsync(site, "/eu", "q=liver");
        var json = await SearchApi.OkAsync(site, "/eu", "q=" + Uri.EscapeDataString("how much does liver zqxwvkjqpz cost"));

        Assert.True((bool)json["someWords"]!);
        Assert.False((bool)json["fuzzy"]!);
        Assert.True(SearchApi.Total(json) >= SearchApi.Total(all), $"{SearchApi.Total(json)} < {SearchApi.Total(all)}");
        // Items with "liver" and another word of the sentence rank above those with one word only, so the top hit has liver.
        Assert.Contains("<mark>", (string)json["hits"]![0]!["snippet"]! + (string)json["hits"]![0]!["titleHtml"]!, StringComparison.Ordinal);
        Assert.False((bool)(await SearchApi.OkAsync(site, "/eu", "q=liver%20metastasis"))["someWords"]!);
    }

    [Theory]
    [InlineData("q=liver&type=Bogus")]
    [InlineData("q=liver&type=article")]
    [InlineData("q=xqzvwptkj")]
    public async Task No_match_is_an_exact_empty_result_not_similar_spellings(string query)
    {
        var json = await SearchApi.OkAsync(site, "/eu", query);
        var unfiltered = await SearchApi.OkAsync(site, "/eu", query.Split('&')[0]);

        Assert.Equal(0, SearchApi.Total(json));
        Assert.False((bool)json["fuzzy"]!);
        // The type facet ignores its own filter: its counts are those of the words alone, exact, not of a fuzzy expansion.
        Assert.Equal(Counts(unfiltered), Counts(json));

        static string Counts(JsonObject json) =>
            string.Join(",", json["facets"]!["type"]!.AsArray().Select(v => $"{v!["value"]}={v["count"]}"));
    }

    [Theory]
    [InlineData("q=%22liver")]
    [InlineData("q=*")]
    [InlineData("q=field:")]
    [InlineData("q=liver%20AND%20(")]
    [InlineData("q=liver&country=atlantis")]
    [InlineData("q=liver&type=Nope")]
    [InlineData("q=")]
    [InlineData("q=liver&page=50")]
    public async Task Odd_queries_get_a_message_or_an_empty_result(string query)
    {
        var (status, json) = await SearchApi.GetAsync(site, "/eu", query);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(json["hits"]);
    }

    [Theory]
    [InlineData("q=liver&page=0", "page")]
    [InlineData("q=liver&page=x", "page")]
    [InlineData("q=liver&page=99999", "page")]
    public async Task A_bad_page_or_too_long_query_is_a_400_naming_the_field(string query, string field)
    {
        var (status, json) = await SearchApi.GetAsync(site, "/eu", query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(field, (string)json["field"]!);
    }

    [Fact]
    public async Task A_very_long_query_is_a_400_naming_q()
    {
        var (status, json) = await SearchApi.GetAsync(site, "/eu", "q=" + new string('a', 300));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("q", (string)json["field"]!);
    }

    [Fact]
    public async Task An_address_over_the_query_limit_is_a_json_400_from_the_api()
    {
        var (status, json) = await SearchApi.GetAsync(site, "/eu", "q=" + new string('a', 5000));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("query", (string)json["field"]!);
        Assert.Contains("too long", (string)json["error"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_page_shows_highlighted_hits_type_labels_and_facet_links_in_ukrainian()
    {
        using var client = site.Client();
        var body = await client.GetStringAsync(new Uri("/ua/search?q=" + Uri.EscapeDataString("печінки"), UriKind.Relative));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body);

        Assert.NotEmpty(page.QuerySelectorAll("li.search-hit"));
        Assert.NotNull(page.QuerySelector("li.search-hit mark"));
        Assert.Contains(page.QuerySelectorAll(".type-label"), l => l.TextContent is "Стаття" or "Клініка" or "Лікування" or "Лікар");
        Assert.NotEmpty(page.QuerySelectorAll(".search-facets a"));
        Assert.NotNull(page.QuerySelector("header form[role=search] input[name=q]"));
    }

    [Fact]
    public async Task Nothing_found_offers_the_consultation()
    {
        using var client = site.Client();
        var body = await client.GetStringAsync(new Uri("/eu/search?q=" + SearchApi.Token(), UriKind.Relative));

        Assert.Contains("/eu/consultation", body, StringComparison.Ordinal);
        Assert.Contains("no-results", body, StringComparison.Ordinal);
    }

    private async Task CreateAsync(string tenant, ContentItem item)
    {
        await using var scope = site.TenantScope(tenant);
        await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(item);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SearchSqliteTests(SqliteSite site) : SearchTests(site);

[Collection(PostgresCollection.Name)]
public sealed class SearchPostgresTests(PostgresSite site) : SearchTests(site);
