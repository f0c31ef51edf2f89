using System.Net;
using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Tests.SiteAdmin;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Search;

/// <summary>/admin/search: the index status, a rebuild that completes with searches unharmed, the query tester and its bad input.</summary>
public abstract class SearchAdminTests(SiteFixture site)
{
    [Fact]
    public async Task The_status_counts_documents_and_a_rebuild_completes_with_the_same_documents()
    {
        var (name, admin) = await site.NewSiteAsync();
        using (admin)
        {
            var token = SearchApi.Token();
            var item = Articles.New($"Admin status {token}", Articles.UniquePath("status"));
            await using (var scope = site.TenantScope(name))
            {
                await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(item);
            }

            Assert.Contains(item.ContentItemId, SearchApi.Ids(await SearchApi.OkAsync(site, "/" + name, $"q={token}")));
            var before = await StatusAsync(admin);
            var index = before["indexes"]!.AsArray().Single()!;
            Assert.Equal("en", (string)index["culture"]!);
            Assert.True((int)index["documents"]! > 1, before.ToJsonString());
            Assert.True((long)index["lastTask"]! > 0, before.ToJsonString());
            Assert.Equal(0, (long)index["lagTasks"]!);

            using (var rebuild = await admin.PostFormAsync("/admin/search/rebuild", [], "/admin/search"))
            {
                Assert.Equal(HttpStatusCode.Redirect, rebuild.StatusCode);
            }

            var finishedBefore = before["rebuildFinishedUtc"]?.ToString();
            JsonObject after = before;
            Assert.NotNull(await Eventually.WithinAsync(TimeSpan.FromSeconds(30), async () =>
            {
                after = await StatusAsync(admin);
                return !(bool)after["rebuilding"]! && after["rebuildFinishedUtc"]?.ToString() is { } finished && finished != finishedBefore;
            }));
            Assert.Equal(100, (int)after["percent"]!);
            Assert.Equal((int)index["documents"]!, (int)after["indexes"]![0]!["documents"]!);
            Assert.Contains(item.ContentItemId, SearchApi.Ids(await SearchApi.OkAsync(site, "/" + name, $"q={token}")));

            var page = await admin.PageAsync("/admin/search");
            Assert.NotNull(page.QuerySelector("form[data-search-rebuild] progress"));
            Assert.Equal(((int)after["indexes"]![0]!["documents"]!).ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                page.QuerySelector("tr[data-culture=en] [data-field=documents]")!.TextContent);
        }
    }

    [Fact]
    public async Task The_query_tester_runs_words_and_the_json_dsl_and_names_the_field_of_bad_input()
    {
        var token = SearchApi.Token();
        var item = Articles.New($"Tester {token}", Articles.UniquePath("tester"));
        await using (var scope = site.TenantScope("europe"))
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(item);
        }

        using var admin = await site.SignInAsNewUserAsync("europe", "Administrator");
        using (var words = await admin.PostFormAsync("/admin/search/query", [new("mode", "q"), new("q", token), new("culture", "en")], "/admin/search"))
        {
            Assert.Equal(HttpStatusCode.OK, words.StatusCode);
            var result = AdminSession.Parse(await words.Content.ReadAsStringAsync()).QuerySelector("[data-query-result]")!;
            Assert.Contains(item.ContentItemId, result.InnerHtml, StringComparison.Ordinal);
            Assert.NotNull(result.QuerySelector("mark"));
        }

        var dsl = $$"""{ "query": { "term": { "ContentItemId": "{{item.ContentItemId}}" } }, "size": 5 }""";
        using (var json = await admin.PostFormAsync("/admin/search/query", [new("mode", "dsl"), new("dsl", dsl), new("culture", "en")], "/admin/search"))
        {
            Assert.Equal(HttpStatusCode.OK, json.StatusCode);
            var result = AdminSession.Parse(await json.Content.ReadAsStringAsync()).QuerySelector("[data-query-result]")!;
            Assert.Contains($"Tester {token}", result.TextContent, StringComparison.Ordinal);
        }

        foreach (var (fields, field) in new (KeyValuePair<string, string>[], string)[]
        {
            ([new("mode", "dsl"), new("dsl", "{ nope"), new("culture", "en")], "dsl"),
            ([new("mode", "dsl"), new("dsl", """{ "query": { "fuzzy_thing": {} } }"""), new("culture", "en")], "dsl"),
            ([new("mode", "q"), new("q", new string('a', 500)), new("culture", "en")], "q"),
            ([new("mode", "sql"), new("culture", "en")], "mode"),
            ([new("mode", "q"), new("q", "liver"), new("culture", "xx")], "culture"),
        })
        {
            using var bad = await admin.PostFormAsync("/admin/search/query", fields, "/admin/search");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.NotNull(AdminSession.Parse(await bad.Content.ReadAsStringAsync()).QuerySelector($"#{field}-error"));
        }
    }

    private static async Task<JsonObject> StatusAsync(AdminSession admin)
    {
        using var response = await admin.GetAsync("/admin/search/status");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SearchAdminSqliteTests(SqliteSite site) : SearchAdminTests(site);

[Collection(PostgresCollection.Name)]
public sealed class SearchAdminPostgresTests(PostgresSite site) : SearchAdminTests(site);
