using System.Net;
using System.Text.Json.Nodes;
using MedTour.Cms.Recipes;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Tests.Site;

namespace MedTour.Cms.Tests.Search;

/// <summary>An Orchard-style recipe with <c>lucene-index</c> and <c>Queries</c> steps imports, and its queries run by name (API and Liquid).</summary>
public abstract class QueriesRecipeTests(SiteFixture site)
{
    private static string Query(object template) => new JsonObject { ["value"] = System.Text.Json.JsonSerializer.Serialize(template) }["value"]!.ToJsonString();

    // Liquid as Orchard users write it: filters, a quoted string parameter and a bare number.
    private const string ByTypeTemplate = """{"query":{"term":{"Content.ContentItem.ContentType":"{{ type | default: 'Clinic' }}"}},"size":{{ size | default: 2 }}}""";

    private static readonly string Steps = $$"""
        {
          "name": "lucene-index",
          "Indices": [ { "Search": { "AnalyzerName": "standardanalyzer", "IndexLatest": false, "IndexedContentTypes": [ "Article", "Clinic", "Doctor", "Treatment" ] } } ]
        },
        {
          "name": "Queries",
          "Queries": [
            {
              "Source": "Lucene", "Name": "RecentArticles", "Index": "Search", "ReturnContentItems": true, "Schema": "[]",
              "Template": {{Query(new { query = new { term = new Dictionary<string, string> { ["Content.ContentItem.ContentType"] = "Article" } }, sort = new Dictionary<string, object> { ["Content.ContentItem.PublishedUtc"] = new { order = "desc" } }, size = "{{ size }}" })}}
            },
            {
              "Source": "Lucene", "Name": "LiverClinics", "Index": "Search", "ReturnContentItems": false,
              "Template": {{Query(new { query = new { @bool = new { must = new object[] { new { term = new Dictionary<string, string> { ["Content.ContentItem.ContentType"] = "Clinic" } }, new { match = new Dictionary<string, string> { ["Content.ContentItem.FullText"] = "liver" } } }, must_not = new { prefix = new Dictionary<string, string> { ["Content.ContentItem.DisplayText.keyword"] = "Zz" } } } }, from = 0, size = 50 })}}
            },
            {
              "Source": "Lucene", "Name": "ByType", "Index": "Search", "ReturnContentItems": false,
              "Template": {{System.Text.Json.Nodes.JsonValue.Create(ByTypeTemplate).ToJsonString()}}
            },
            {
              "Source": "Lucene", "Name": "Everything", "Index": "Search",
              "Template": {{Query(new { query = new { @bool = new { should = new object[] { new { wildcard = new Dictionary<string, string> { ["Content.ContentItem.ContentType"] = "Tr*" } }, new { terms = new Dictionary<string, string[]> { ["Content.ContentItem.ContentType"] = ["Doctor"] } }, new { range = new Dictionary<string, object> { ["Content.ContentItem.CreatedUtc"] = new { gte = "2000-01-01T00:00:00Z" } } }, new { match_phrase = new Dictionary<string, string> { ["Content.ContentItem.FullText"] = "liver metastasis" } } } } }, size = 1000 })}}
            }
          ]
        }
        """;

    [Fact]
    public async Task The_recipe_imports_and_its_queries_run_by_name()
    {
        var tenant = await site.NewTenantAsync("queries", "medtour-europe", Steps);
        try
        {
            using var client = site.Client();
            var recent = await client.GetAsync(new Uri($"/{tenant}/api/queries/RecentArticles?parameters=" + Uri.EscapeDataString("""{"size":3}"""), UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, recent.StatusCode);
            var items = JsonNode.Parse(await recent.Content.ReadAsStringAsync())!.AsArray();
            Assert.Equal(3, items.Count);
            Assert.All(items, i => Assert.Equal("Article", (string)i!["ContentType"]!));
            var dates = items.Select(i => DateTime.Parse((string)i!["PublishedUtc"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(dates.OrderDescending(), dates);

            var clinics = JsonNode.Parse(await client.GetStringAsync(new Uri($"/{tenant}/api/queries/LiverClinics", UriKind.Relative)))!.AsArray();
            Assert.NotEmpty(clinics);
            Assert.All(clinics, c => Assert.Equal("Clinic", (string)c!["Content.ContentItem.ContentType"]!));

            var everything = JsonNode.Parse(await client.GetStringAsync(new Uri($"/{tenant}/api/queries/Everything", UriKind.Relative)))!.AsArray();
            Assert.True(everything.Count > clinics.Count);

            async Task<JsonArray> ByType(string parameters) => JsonNode.Parse(await client.GetStringAsync(
                new Uri($"/{tenant}/api/queries/ByType?parameters=" + Uri.EscapeDataString(parameters), UriKind.Relative)))!.AsArray();
            var byDefault = await ByType("{}");
            Assert.Equal(2, byDefault.Count);
            Assert.All(byDefault, c => Assert.Equal("Clinic", (string)c!["Content.ContentItem.ContentType"]!));
            var doctors = await ByType("""{"type":"Doctor","size":3}""");
            Assert.Equal(3, doctors.Count);
            Assert.All(doctors, c => Assert.Equal("Doctor", (string)c!["Content.ContentItem.ContentType"]!));
            // A quote in a parameter stays inside its JSON string (the output is encoded), so it matches nothing.
            Assert.Empty(await ByType("""{"type":"Doctor\"},\"size\":1000,\"x\":{\""}"""));

            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/{tenant}/api/queries/Nope", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri($"/{tenant}/api/queries/RecentArticles?parameters=%7B", UriKind.Relative))).StatusCode);

            // From Liquid: a template override that lists the query's items.
            await site.ImportAsync(tenant, """{"name":"Templates","Templates":{"Content-Article":{"Content":"<h1>Q</h1>{% assign posts = \"RecentArticles\" | query: size: 2 %}{% for p in posts %}<i class=\"q\">{{ p.DisplayText }}</i>{% endfor %}"}}}""");
            var home = await site.GetAsync($"/{tenant}/liver-metastasis");
            Assert.True(home.Document.QuerySelectorAll("i.q").Length == 2, home.Document.QuerySelector("main")?.InnerHtml);
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }

    // As an Orchard recipe declares a type whose HTML body is indexed under its own keys, and queries those keys.
    private const string BlogSteps = """
        {
          "name": "ContentDefinition",
          "ContentTypes": [
            {
              "Name": "BlogPost", "DisplayName": "Blog Post",
              "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": true } },
              "ContentTypePartDefinitionRecords": [
                { "PartName": "TitlePart", "Name": "TitlePart", "Settings": { "ContentTypePartSettings": { "Position": "0" } } },
                { "PartName": "HtmlBodyPart", "Name": "HtmlBodyPart",
                  "Settings": { "ContentTypePartSettings": { "Position": "1" }, "LuceneContentIndexSettings": { "Included": true, "Stored": false, "Analyzed": true } } }
              ]
            }
          ],
          "ContentParts": []
        },
        {
          "name": "lucene-index",
          "Indices": [ { "Search": { "AnalyzerName": "standardanalyzer", "IndexLatest": false, "IndexedContentTypes": [ "Article", "BlogPost" ] } } ]
        },
        {
          "name": "content",
          "data": [
            { "ContentItemId": "blogpostzanzibar", "ContentItemVersionId": "blogpostzanzibarv1", "ContentType": "BlogPost", "DisplayText": "A garden post",
              "Latest": true, "Published": true, "TitlePart": { "Title": "A garden post" }, "HtmlBodyPart": { "Html": "<p>The <b>zanzibarwort</b> grows here.</p>" } }
          ]
        },
        {
          "name": "Queries",
          "Queries": [
            { "Source": "Lucene", "Name": "BlogBody", "Index": "Search", "ReturnContentItems": true,
              "Template": "{ \"query\": { \"match\": { \"BlogPost.HtmlBodyPart\": \"{{ word }}\" } } }" },
            { "Source": "Lucene", "Name": "AnyBody", "Index": "Search", "ReturnContentItems": true,
              "Template": "{ \"query\": { \"match\": { \"HtmlBodyPart\": \"{{ word }}\" } } }" },
            { "Source": "Lucene", "Name": "ArticleBody", "Index": "Search", "ReturnContentItems": true,
              "Template": "{ \"query\": { \"match\": { \"Article.HtmlBodyPart\": \"{{ word }}\" } } }" },
            { "Source": "Lucene", "Name": "FullText", "Index": "Search", "ReturnContentItems": true,
              "Template": "{ \"query\": { \"match\": { \"Content.ContentItem.FullText\": \"{{ word }}\" } } }" }
          ]
        }
        """;

    [Fact]
    public async Task An_html_body_is_under_orchards_keys_when_its_type_includes_it_and_in_the_full_text_always()
    {
        var tenant = await site.NewTenantAsync("blogbody", "medtour-europe", BlogSteps);
        try
        {
            using var client = site.Client();
            async Task<List<string>> Run(string query, string word) =>
                [.. JsonNode.Parse(await client.GetStringAsync(new Uri($"/{tenant}/api/queries/{query}?parameters=" + Uri.EscapeDataString($$"""{"word":"{{word}}"}"""), UriKind.Relative)))!
                    .AsArray().Select(i => (string)i!["ContentItemId"]!)];

            Assert.Equal(["blogpostzanzibar"], await Run("BlogBody", "zanzibarwort"));
            Assert.Equal(["blogpostzanzibar"], await Run("AnyBody", "zanzibarwort"));
            Assert.Equal(["blogpostzanzibar"], await Run("FullText", "zanzibarwort"));
            // MedTour's Article does not include its HtmlBodyPart in the index settings: its body is in the full text only.
            Assert.Contains("eu-article-liver-metastasis", await Run("FullText", "metastases"));
            Assert.Empty(await Run("ArticleBody", "metastases"));
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }

    [Fact]
    public async Task A_template_that_is_not_the_dsl_is_refused_naming_where()
    {
        var tenant = await site.NewTenantAsync("badquery", "medtour-content-types");
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => site.ImportAsync(tenant,
                """{"name":"Queries","Queries":[{"Source":"Lucene","Name":"Bad","Index":"Search","Template":"{\"query\":{\"fuzzy_magic\":{}}}"}]}"""));
            Assert.Contains("Queries[0].Template", error.Message, StringComparison.Ordinal);
            Assert.Contains("fuzzy_magic", error.Message, StringComparison.Ordinal);
            var liquid = await Assert.ThrowsAnyAsync<Exception>(() => site.ImportAsync(tenant,
                """{"name":"Queries","Queries":[{"Source":"Lucene","Name":"Bad","Index":"Search","Template":"{\"size\": {{ size | }} }"}]}"""));
            Assert.Contains("Queries[0].Template", liquid.Message, StringComparison.Ordinal);
            Assert.Contains("Liquid", liquid.Message, StringComparison.Ordinal);
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class QueriesRecipeSqliteTests(SqliteSite site) : QueriesRecipeTests(site);

[Collection(PostgresCollection.Name)]
public sealed class QueriesRecipePostgresTests(PostgresSite site) : QueriesRecipeTests(site);
