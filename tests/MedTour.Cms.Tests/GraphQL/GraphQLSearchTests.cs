using MedTour.Cms.Content;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MedTour.Cms.Tests.Search;

namespace MedTour.Cms.Tests.GraphQL;

/// <summary>The <c>search</c> root field: the search module's hits, snippets, facets and total, each hit's item, bad arguments.</summary>
public abstract class GraphQLSearchTests(SiteFixture site)
{
    private const string Selection = """
        total page pageSize pageCount fuzzy message
        hits { contentItemId contentType title titleHtml snippet path url score contentItem { contentItemId displayText ... on Article { summary { text } } } }
        facets { type { value label count selected } country { value count } specialty { value count } }
        """;

    private readonly GraphClient _eu = new(site, "/eu");

    [Fact]
    public async Task Search_answers_what_the_search_API_answers_with_snippets_facets_total_and_the_items()
    {
        var rest = await SearchApi.OkAsync(site, "/eu", "q=liver");
        var data = (await _eu.PostAsync("query($q: String!, $first: Int) { search(query: $q, first: $first) { " + Selection + " } }",
            new { q = "liver", first = rest["pageSize"]!.GetValue<int>() })).Ok()["search"]!;

        Assert.Equal(SearchApi.Total(rest), data["total"]!.GetValue<int>());
        Assert.True(data["total"]!.GetValue<int>() > 0);
        var hits = data["hits"]!.AsArray();
        Assert.Equal(SearchApi.Ids(rest), hits.Select(h => h!["contentItemId"]!.GetValue<string>()).ToList());
        Assert.Contains(hits, h => h!["snippet"]!.GetValue<string>().Contains("<mark>", StringComparison.OrdinalIgnoreCase)
            || h["titleHtml"]!.GetValue<string>().Contains("<mark>", StringComparison.OrdinalIgnoreCase));
        Assert.All(hits, h =>
        {
            Assert.Equal(h!["contentItemId"]!.GetValue<string>(), h["contentItem"]!["contentItemId"]!.GetValue<string>());
            Assert.Equal(h["title"]!.GetValue<string>(), h["contentItem"]!["displayText"]!.GetValue<string>());
            Assert.StartsWith("http://localhost/eu/", h["url"]!.GetValue<string>(), StringComparison.Ordinal);
        });

        // Facets: the same values and counts as the API's, and each count is the total of that filter.
        var types = data["facets"]!["type"]!.AsArray();
        Assert.NotEmpty(types);
        Assert.Equal(rest["facets"]!["type"]!.AsArray().Select(v => (v!["value"]!.GetValue<string>(), v["count"]!.GetValue<int>())),
            types.Select(v => (v!["value"]!.GetValue<string>(), v["count"]!.GetValue<int>())));
        var first = types[0]!;
        var filtered = (await _eu.PostAsync("query($q: String!, $t: String) { search(query: $q, type: $t) { total facets { type { value selected } } } }",
            new { q = "liver", t = first["value"]!.GetValue<string>() })).Ok()["search"]!;
        Assert.Equal(first["count"]!.GetValue<int>(), filtered["total"]!.GetValue<int>());
        Assert.Contains(filtered["facets"]!["type"]!.AsArray(), v => v!["selected"]!.GetValue<bool>() && v["value"]!.GetValue<string>() == first["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_new_article_is_found_with_its_word_marked_and_paging_splits_the_total()
    {
        var token = SearchApi.Token();
        var created = new List<ContentItem>();
        for (var i = 0; i < 3; i++)
        {
            var item = Articles.New($"{token} note {i}", Articles.UniquePath("gql-search"));
            await using var scope = site.TenantScope("europe");
            await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(item);
            created.Add(item);
        }

        try
        {
            await PagesAsync(token, created);
        }
        finally
        {
            // Europe's article lists are asserted by other tests.
            await using var scope = site.TenantScope("europe");
            foreach (var item in created)
            {
                await scope.ServiceProvider.GetRequiredService<ContentManager>().RemoveAsync(item);
            }
        }
    }

    private async Task PagesAsync(string token, List<ContentItem> created)
    {
        var query = "query($q: String!, $p: Int) { search(query: $q, first: 2, page: $p) { total pageCount hits { contentItemId titleHtml } } }";
        var page1 = (await _eu.PostAsync(query, new { q = token, p = 1 })).Ok()["search"]!;
        var page2 = (await _eu.PostAsync(query, new { q = token, p = 2 })).Ok()["search"]!;
        Assert.Equal(3, page1["total"]!.GetValue<int>());
        Assert.Equal(2, page1["pageCount"]!.GetValue<int>());
        var ids = page1["hits"]!.AsArray().Concat(page2["hits"]!.AsArray()).Select(h => h!["contentItemId"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(created.Select(c => c.ContentItemId).Order().ToList(), ids);
        Assert.Contains("<mark>", page1["hits"]![0]!["titleHtml"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_search_arguments_are_errors_naming_the_argument()
    {
        var tooLong = await _eu.PostAsync("query($q: String!) { search(query: $q) { total } }", new { q = new string('a', 500) });
        Assert.StartsWith("query:", tooLong.FirstError, StringComparison.Ordinal);
        var bigPage = await _eu.PostAsync("{ search(query: \"liver\", first: 1000) { total } }");
        Assert.StartsWith("first:", bigPage.FirstError, StringComparison.Ordinal);
        var badPage = await _eu.PostAsync("{ search(query: \"liver\", page: 0) { total } }");
        Assert.StartsWith("page:", badPage.FirstError, StringComparison.Ordinal);

        // Nothing to search for is no error: an empty answer that says why.
        var empty = (await _eu.PostAsync("{ search(query: \"   \") { total message hits { contentItemId } } }")).Ok()["search"]!;
        Assert.Equal(0, empty["total"]!.GetValue<int>());
        Assert.Empty(empty["hits"]!.AsArray());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GraphQLSearchSqliteTests(SqliteSite site) : GraphQLSearchTests(site);

[Collection(PostgresCollection.Name)]
public sealed class GraphQLSearchPostgresTests(PostgresSite site) : GraphQLSearchTests(site);
