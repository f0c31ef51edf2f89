using System.Net;
using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Modules.Graph.Tokens;
using MedTour.Cms.Settings;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.GraphQL;

/// <summary>Anonymous reads where the site allows them, API tokens and their scopes, expiry and revocation, tenant isolation.</summary>
public abstract class GraphQLAccessTests(SiteFixture site)
{
    private async Task<string> TokenAsync(string tenant, string[] scopes, DateTime? expires = null)
    {
        await using var scope = site.TenantScope(tenant);
        return (await scope.ServiceProvider.GetRequiredService<ApiTokenStore>().CreateAsync("test", scopes, expires, "tests")).Secret;
    }

    [Fact]
    public async Task Drafts_need_a_token_with_the_drafts_scope()
    {
        var draft = Articles.New("Draft " + Guid.NewGuid().ToString("N")[..8], Articles.UniquePath("draft"));
        await using (var scope = site.TenantScope("europe"))
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(draft, VersionOptions.Draft);
        }

        var query = $$"""{ article(status: DRAFT, where: { contentItemId: "{{draft.ContentItemId}}" }) { displayText published latest } }""";
        var anonymous = await new GraphClient(site, "/eu").PostAsync(query);
        Assert.Contains("read:drafts", anonymous.FirstError, StringComparison.Ordinal);
        Assert.Null(anonymous.Data!["article"]);

        var published = await new GraphClient(site, "/eu", await TokenAsync("europe", [ApiTokenScopes.ReadPublished])).PostAsync(query);
        Assert.Contains("read:drafts", published.FirstError, StringComparison.Ordinal);

        var drafts = new GraphClient(site, "/eu", await TokenAsync("europe", [ApiTokenScopes.ReadPublished, ApiTokenScopes.ReadDrafts]));
        var item = Assert.Single((await drafts.PostAsync(query)).Ok()["article"]!.AsArray())!;
        Assert.False(item["published"]!.GetValue<bool>());
        Assert.Empty((await drafts.PostAsync(query.Replace("DRAFT", "PUBLISHED", StringComparison.Ordinal))).Ok()["article"]!.AsArray());
        Assert.Single((await drafts.PostAsync(query.Replace("DRAFT", "LATEST", StringComparison.Ordinal))).Ok()["article"]!.AsArray());
        Assert.Single((await drafts.PostAsync(query.Replace("DRAFT", "ALL", StringComparison.Ordinal))).Ok()["article"]!.AsArray());
        Assert.Equal(draft.ContentItemId, (await drafts.PostAsync($$"""{ contentItem(contentItemId: "{{draft.ContentItemId}}", status: LATEST) { contentItemId } }""")).Ok()["contentItem"]!["contentItemId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_expired_revoked_and_other_tenants_tokens_are_refused()
    {
        const string Query = "{ article(first: 1) { displayText } }";
        Assert.Equal(HttpStatusCode.Unauthorized, (await new GraphClient(site, "/eu", "mtk_made-up-token-123").PostAsync(Query)).Status);
        var expired = await TokenAsync("europe", [ApiTokenScopes.ReadPublished], DateTime.UtcNow.AddSeconds(-1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await new GraphClient(site, "/eu", expired).PostAsync(Query)).Status);
        var ukrainian = await TokenAsync("ukraine", [ApiTokenScopes.ReadDrafts]);
        var foreign = await new GraphClient(site, "/eu", ukrainian).PostAsync(Query);
        Assert.Equal(HttpStatusCode.Unauthorized, foreign.Status);
        Assert.Contains("unknown", foreign.FirstError, StringComparison.Ordinal);

        var token = await TokenAsync("europe", [ApiTokenScopes.ReadPublished]);
        var client = new GraphClient(site, "/eu", token);
        (await client.PostAsync(Query)).Ok();
        await using (var scope = site.TenantScope("europe"))
        {
            var store = scope.ServiceProvider.GetRequiredService<ApiTokenStore>();
            var id = (await store.ListAsync()).First(t => token.StartsWith(t.Prefix, StringComparison.Ordinal)).Id;
            Assert.True(await store.RevokeAsync(id));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(Query)).Status);
    }

    [Fact]
    public async Task Tokens_are_stored_hashed()
    {
        var secret = await TokenAsync("europe", [ApiTokenScopes.ReadPublished]);
        await using var scope = site.TenantScope("europe");
        var tokens = await scope.ServiceProvider.GetRequiredService<ApiTokenStore>().ListAsync();
        Assert.DoesNotContain(tokens, t => t.Hash == secret || t.Hash.Contains(secret[10..], StringComparison.Ordinal));
        Assert.Contains(tokens, t => t.Hash == Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret))));
    }

    [Fact]
    public async Task A_site_that_does_not_allow_anonymous_reads_needs_a_token()
    {
        await SetGraphQLSettingsAsync("usa", new JsonObject { ["AnonymousRead"] = false });
        try
        {
            var anonymous = await new GraphClient(site, "/us").PostAsync("{ article(first: 1) { displayText } }");
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
            Assert.Contains("API token", anonymous.FirstError, StringComparison.Ordinal);
            (await new GraphClient(site, "/us", await TokenAsync("usa", [ApiTokenScopes.ReadPublished])).PostAsync("{ article(first: 1) { displayText } }")).Ok();
        }
        finally
        {
            await SetGraphQLSettingsAsync("usa", null);
        }
    }

    internal static async Task SetGraphQLSettingsAsync(SiteFixture site, string tenant, JsonObject? section)
    {
        await using var scope = site.TenantScope(tenant);
        var store = scope.ServiceProvider.GetRequiredService<SiteSettingsStore>();
        var settings = (JsonObject)(await store.GetAsync()).DeepClone();
        settings["GraphQL"] = section;
        await store.SaveAsync(settings);
    }

    private Task SetGraphQLSettingsAsync(string tenant, JsonObject? section) => SetGraphQLSettingsAsync(site, tenant, section);
}

[Collection(SqliteCollection.Name)]
public sealed class GraphQLAccessSqliteTests(SqliteSite site) : GraphQLAccessTests(site);

[Collection(PostgresCollection.Name)]
public sealed class GraphQLAccessPostgresTests(PostgresSite site) : GraphQLAccessTests(site);
