using System.Net;
using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.GraphQL;

/// <summary>Apollo's automatic persisted queries over GET, the allow-list mode, ETag/304 and the output cache evicted by content tags.</summary>
public abstract class GraphQLPersistedQueryTests(SiteFixture site)
{
    private static string Hash(string query) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(query)));

    private static string Get(string hash, string? query = null) =>
        (query is null ? "" : "query=" + Uri.EscapeDataString(query) + "&")
        + "extensions=" + Uri.EscapeDataString("{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}");

    [Fact]
    public async Task Unknown_hash_then_registered_then_served_from_cache_with_etag_and_evicted_when_the_item_changes()
    {
        var article = Articles.New("Persisted " + Guid.NewGuid().ToString("N")[..8], Articles.UniquePath("persisted"));
        await using (var scope = site.TenantScope("europe"))
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(article);
        }

        var query = $$"""{ contentItem(contentItemId: "{{article.ContentItemId}}") { displayText } }""";
        var hash = Hash(query);
        var eu = new GraphClient(site, "/eu");
        var unknown = await eu.GetAsync(Get(hash));
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Equal("PersistedQueryNotFound", unknown.FirstError);
        Assert.Contains("PERSISTED_QUERY_NOT_FOUND", unknown.Body, StringComparison.Ordinal);

        var mismatch = await eu.GetAsync(Get(Hash("{ x }"), query));
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.Status);

        var registered = await eu.GetAsync(Get(hash, query));
        Assert.Equal(article.DisplayText, registered.Ok()["contentItem"]!["displayText"]!.GetValue<string>());

        var first = await eu.GetAsync(Get(hash));
        first.Ok();
        Assert.NotNull(first.Headers.ETag);
        Assert.Contains("public", first.Headers.CacheControl, StringComparison.Ordinal);
        var cached = await eu.GetAsync(Get(hash));
        Assert.NotNull(cached.Headers.Age);
        Assert.Equal(first.Body, cached.Body);

        var notModified = await eu.GetAsync(Get(hash), [("If-None-Match", first.Headers.ETag!)]);
        Assert.Equal(HttpStatusCode.NotModified, notModified.Status);

        await using (var scope = site.TenantScope("europe"))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var item = (await content.GetAsync(article.ContentItemId, VersionOptions.Latest))!;
            item.Content["TitlePart"]!["Title"] = "Renamed " + article.DisplayText;
            await content.UpdateAsync(item);
            await content.PublishAsync(item);
        }

        var fresh = await eu.GetAsync(Get(hash));
        Assert.Null(fresh.Headers.Age);
        Assert.StartsWith("Renamed ", fresh.Ok()["contentItem"]!["displayText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEqual(first.Headers.ETag, fresh.Headers.ETag);
    }

    [Fact]
    public async Task Token_requests_are_neither_stored_nor_served_from_the_cache()
    {
        const string Query = "{ treatment(first: 2) { displayText } }";
        var eu = new GraphClient(site, "/eu");
        (await eu.GetAsync(Get(Hash(Query), Query))).Ok();
        var answer = await eu.GetAsync(Get(Hash(Query)), [("Authorization", "Bearer mtk_unknown-token-value")]);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
    }

    [Fact]
    public async Task Allow_list_mode_runs_only_listed_documents()
    {
        const string Listed = "{ clinic(first: 1) { displayText } }";
        await GraphQLAccessTests.SetGraphQLSettingsAsync(site, "usa", new JsonObject { ["AllowListOnly"] = true, ["AllowList"] = new JsonArray(Listed) });
        try
        {
            var us = new GraphClient(site, "/us");
            (await us.PostAsync(Listed)).Ok();
            (await us.GetAsync(Get(Hash(Listed)))).Ok();
            var other = await us.PostAsync("{ doctor(first: 1) { displayText } }");
            Assert.Equal(HttpStatusCode.BadRequest, other.Status);
            Assert.Contains("allow-listed", other.FirstError, StringComparison.Ordinal);
            Assert.Equal("PersistedQueryNotFound", (await us.GetAsync(Get(Hash("{ doctor { displayText } }")))).FirstError);
        }
        finally
        {
            await GraphQLAccessTests.SetGraphQLSettingsAsync(site, "usa", null);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GraphQLPersistedQuerySqliteTests(SqliteSite site) : GraphQLPersistedQueryTests(site);

[Collection(PostgresCollection.Name)]
public sealed class GraphQLPersistedQueryPostgresTests(PostgresSite site) : GraphQLPersistedQueryTests(site);
