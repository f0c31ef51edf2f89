using System.Net;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Admin;

/// <summary>The admin shell: who gets in, on which tenant, what it never caches, the admin languages and the roles every tenant has.</summary>
public abstract class AdminShellTests(SiteFixture site)
{
    [Theory]
    [InlineData("/admin", "/login")]
    [InlineData("/ua/admin", "/ua/login")]
    public async Task An_anonymous_visitor_is_sent_to_the_tenants_sign_in_page(string admin, string login)
    {
        using var response = await site.Client().GetAsync(new Uri(admin, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(login, response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("ukraine")]
    [InlineData("usa")]
    public async Task Every_tenant_has_an_administrator_who_reaches_a_dashboard_that_is_never_cached(string tenant)
    {
        using var admin = await site.SignInAsync(tenant, "admin", CmsAppFactory.AdminPassword);
        using var response = await admin.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.CacheControl?.ToString());
        var page = AdminSession.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Dashboard", page.QuerySelector("h1")?.TextContent);
        Assert.NotNull(page.QuerySelector("form[action$='/logout'] input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task A_user_without_an_admin_role_gets_403_and_a_session_of_one_tenant_opens_no_other()
    {
        using var nobody = await site.SignInAsNewUserAsync("ukraine");
        using (var denied = await nobody.GetAsync("/admin"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            Assert.Contains("Access denied", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var author = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Author);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync("/admin")).StatusCode);
        using var europe = await author.Client.GetAsync(new Uri("/eu/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, europe.StatusCode);
        Assert.Equal("/eu/login", europe.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_post_without_its_antiforgery_token_changes_nothing_and_says_the_form_expired()
    {
        using var admin = await site.SignInAsync("europe", "admin", CmsAppFactory.AdminPassword);
        using var response = await admin.Client.PostAsync(new Uri("/eu/admin/culture", UriKind.Relative), new FormUrlEncodedContent([new("culture", "uk")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The form has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Dashboard", (await admin.PageAsync("/admin")).QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [InlineData("uk", "Панель")]
    [InlineData("ru", "Панель")]
    [InlineData("en", "Dashboard")]
    public async Task The_admin_speaks_the_language_the_user_chooses(string culture, string title)
    {
        using var admin = await site.SignInAsync("ukraine", "admin", CmsAppFactory.AdminPassword);
        using var chosen = await admin.PostFormAsync("/admin/culture", [new("culture", culture), new("returnUrl", "/ua/admin")]);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var page = await admin.PageAsync("/admin");
        Assert.Equal(title, page.QuerySelector("h1")?.TextContent);
        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));

        using var bad = await admin.PostFormAsync("/admin/culture", [new("culture", "xx")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("culture", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_tenant_gets_the_MedTour_roles_and_an_Orchard_Roles_step_edits_them()
    {
        await using (var scope = site.TenantScope("europe"))
        {
            var names = (await scope.ServiceProvider.GetRequiredService<RoleStore>().ListAsync()).Select(r => r.Name).ToList();
            Assert.Equal(DefaultRoles.All.Select(r => r.Name).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal).Where(n => DefaultRoles.All.Any(r => r.Name == n)));
        }

        // Written as an Orchard user writes it: a new role, then permissions added to an existing one.
        await site.ImportAsync("europe", """
            {"name":"Roles","Roles":[
              {"Name":"Translator","Description":"Translates articles","Permissions":["EditContent","PreviewContent","AccessAdminPanel"]},
              {"Name":"Author","Permissions":["Publish_Page"],"PermissionBehavior":"Add"}]}
            """);
        await using (var scope = site.TenantScope("europe"))
        {
            var roles = await scope.ServiceProvider.GetRequiredService<RoleStore>().ListAsync();
            Assert.Equal(["AccessAdminPanel", "EditContent", "PreviewContent"], roles.Single(r => r.Name == "Translator").Permissions);
            var author = roles.Single(r => r.Name == "Author");
            Assert.Contains("Publish_Page", author.Permissions);
            Assert.Contains("EditOwnContent", author.Permissions);
        }

        using var translator = await site.SignInAsNewUserAsync("europe", "Translator");
        Assert.Equal(HttpStatusCode.OK, (await translator.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_Roles_step_with_a_bad_entry_names_it_and_writes_nothing()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => site.ImportAsync("usa", """
            {"name":"Roles","Roles":[{"Name":"Reviewer","Permissions":["EditContent"]},{"Description":"no name"}]}
            """));
        Assert.Contains("Roles[1].Name", error.Message, StringComparison.Ordinal);
        await using var scope = site.TenantScope("usa");
        Assert.DoesNotContain(await scope.ServiceProvider.GetRequiredService<RoleStore>().ListAsync(), r => r.Name == "Reviewer");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAdminShellTests(SqliteSite site) : AdminShellTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAdminShellTests(PostgresSite site) : AdminShellTests(site);
