using System.Net;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.GraphQL;

/// <summary>/admin/api-tokens: a token is created and shown once, works against the API, and stops working once revoked.</summary>
public abstract class ApiTokenAdminTests(SiteFixture site)
{
    [Fact]
    public async Task Created_token_is_shown_once_works_and_is_refused_after_revocation()
    {
        using var admin = await site.SignInAsNewUserAsync("europe", DefaultRoles.Administrator);
        var name = "app-" + Guid.NewGuid().ToString("N")[..8];
        using var created = await admin.PostFormAsync("/admin/api-tokens", [new("name", name), new("scope", "read:published"), new("expires", "")], "/admin/api-tokens");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var page = AdminSession.Parse(await created.Content.ReadAsStringAsync());
        var secret = page.QuerySelector("#new-token")!.TextContent.Trim();
        Assert.StartsWith("mtk_", secret, StringComparison.Ordinal);
        (await new GraphClient(site, "/eu", secret).PostAsync("{ article(first: 1) { displayText } }")).Ok();

        var list = await admin.PageAsync("/admin/api-tokens");
        Assert.DoesNotContain(secret, list.Body!.TextContent, StringComparison.Ordinal);
        var revoke = list.QuerySelectorAll("form").Select(f => f.GetAttribute("action")!).Single(a => a.EndsWith("/revoke", StringComparison.Ordinal) && list.Body!.InnerHtml.Contains(name, StringComparison.Ordinal)
            && a == list.QuerySelectorAll("tr").First(r => r.TextContent.Contains(name, StringComparison.Ordinal)).QuerySelector("form")!.GetAttribute("action"));
        using var revoked = await admin.PostFormAsync(revoke["/eu".Length..], [], "/admin/api-tokens");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await new GraphClient(site, "/eu", secret).PostAsync("{ article(first: 1) { displayText } }")).Status);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field_and_creates_nothing()
    {
        using var admin = await site.SignInAsNewUserAsync("europe", DefaultRoles.Administrator);
        using var response = await admin.PostFormAsync("/admin/api-tokens", [new("name", ""), new("scope", "write:all"), new("expires", "yesterday")], "/admin/api-tokens");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = AdminSession.Parse(await response.Content.ReadAsStringAsync());
        Assert.Null(page.QuerySelector("#new-token"));
        Assert.NotNull(page.QuerySelector("#name-error, .field.invalid"));
    }

    [Fact]
    public async Task Authors_cannot_open_the_page()
    {
        using var author = await site.SignInAsNewUserAsync("europe", DefaultRoles.Author);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync("/admin/api-tokens")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApiTokenAdminSqliteTests(SqliteSite site) : ApiTokenAdminTests(site);

[Collection(PostgresCollection.Name)]
public sealed class ApiTokenAdminPostgresTests(PostgresSite site) : ApiTokenAdminTests(site);
