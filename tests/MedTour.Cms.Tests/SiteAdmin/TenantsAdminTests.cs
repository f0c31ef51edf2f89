using System.Net;
using AngleSharp.Dom;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.SiteAdmin;

/// <summary>/admin/tenants: the Default tenant's administrators create, set up, disable, enable and remove sites.</summary>
public abstract class TenantsAdminTests(SiteFixture site)
{
    private static readonly KeyValuePair<string, string>[] Administrator =
        [new("adminUserName", "boss"), new("adminEmail", "boss@pl.medtour.example"), new("adminPassword", AdminSessions.Password)];

    [Fact]
    public async Task An_administrator_creates_a_tenant_from_a_recipe_and_its_site_answers_at_once()
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..8];
        using var admin = await site.SignInAsync("Default", "admin", CmsAppFactory.AdminPassword);
        var form = await admin.PageAsync("/admin/tenants/create");
        Assert.NotNull(form.QuerySelector("select#recipe option[value=medtour-europe]"));

        using var created = await admin.PostFormAsync("/admin/tenants/create",
            [new("name", name), new("prefix", name), new("cultures", "pl, en"), new("recipe", "medtour-europe"), new("features", "Contents"), new("features", "MedTour"), .. Administrator],
            "/admin/tenants/create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var tenant = site.Service<TenantRegistry>().Find(name)!;
        Assert.Equal(TenantState.Running, tenant.State);
        Assert.Equal(["pl", "en"], tenant.Cultures);

        using var client = site.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/{name}/liver-metastasis", UriKind.Relative))).StatusCode);
        using var siteAdmin = await site.SignInAsync(name, "boss", AdminSessions.Password);
        Assert.Equal(HttpStatusCode.OK, (await siteAdmin.GetAsync("/admin/templates")).StatusCode);
        var list = await admin.PageAsync("/admin/tenants");
        var row = list.QuerySelector($"tr[data-tenant={name}]")!;
        Assert.Contains("Running", row.TextContent, StringComparison.Ordinal);
        Assert.Contains($"/{name}/", row.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prefix", "ua", "prefix", "'ua' is already the prefix of tenant 'ukraine'.")]
    [InlineData("hosts", "ua.medtour.example", "hosts", "'ua.medtour.example' is already a host of tenant 'ukraine'.")]
    [InlineData("name", "europe", "name", "a tenant named 'europe' already exists.")]
    [InlineData("prefix", "admin", "prefix", "is reserved for the host's own paths")]
    [InlineData("cultures", "xx-nope", "cultures", "'xx-nope' is not a known culture name.")]
    [InlineData("adminPassword", "short", "adminPassword", "Passwords must be at least")]
    public async Task A_collision_or_bad_setting_is_refused_next_to_its_field_with_the_CLIs_message(string field, string value, string errorField, string message)
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..8];
        var fields = new Dictionary<string, string>(Administrator) { ["name"] = name, ["prefix"] = name, ["cultures"] = "en" };
        fields[field] = value;
        using var admin = await site.SignInAsync("Default", "admin", CmsAppFactory.AdminPassword);
        using var response = await admin.PostFormAsync("/admin/tenants/create", fields, "/admin/tenants/create");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = AdminSession.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector($"#{errorField}-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(field == "adminPassword" ? string.Empty : value, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"input#{field}")?.Value);
        if (field != "name")
        {
            Assert.Null(site.Service<TenantRegistry>().Find(name));
        }
    }

    [Fact]
    public async Task A_tenant_is_disabled_enabled_and_removed_only_after_its_name_is_typed()
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..8];
        using var admin = await site.SignInAsync("Default", "admin", CmsAppFactory.AdminPassword);
        using (var created = await admin.PostFormAsync("/admin/tenants/create", [new("name", name), new("prefix", name), new("cultures", "en"), new("features", "Contents"), .. Administrator], "/admin/tenants/create"))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var registry = site.Service<TenantRegistry>();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/admin/tenants/{name}/disable", [], "/admin/tenants")).StatusCode);
        Assert.Equal(TenantState.Disabled, registry.Find(name)!.State);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/admin/tenants/{name}/enable", [], "/admin/tenants")).StatusCode);
        Assert.Equal(TenantState.Running, registry.Find(name)!.State);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/admin/tenants/{name}/disable", [], "/admin/tenants")).StatusCode);

        using (var wrong = await admin.PostFormAsync($"/admin/tenants/{name}/remove", [new("confirm", "europe")], $"/admin/tenants/{name}/remove"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.NotNull(AdminSession.Parse(await wrong.Content.ReadAsStringAsync()).QuerySelector("#confirm-error"));
            Assert.NotNull(registry.Find(name));
        }

        using var removed = await admin.PostFormAsync($"/admin/tenants/{name}/remove", [new("confirm", name)], $"/admin/tenants/{name}/remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(registry.Find(name));
    }

    [Fact]
    public async Task Tenants_are_managed_from_the_Default_tenant_by_those_who_may_only()
    {
        using var regional = await site.SignInAsync("ukraine", "admin", CmsAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await regional.GetAsync("/admin/tenants")).StatusCode);
        Assert.DoesNotContain("/admin/tenants", (await regional.PageAsync("/admin")).DocumentElement.OuterHtml, StringComparison.Ordinal);

        using var editor = await site.SignInAsNewUserAsync("Default", DefaultRoles.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/tenants")).StatusCode);
        using var post = await editor.PostFormAsync("/admin/tenants/create", [new("name", "tforbidden"), new("prefix", "tforbidden"), new("cultures", "en"), .. Administrator]);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Null(site.Service<TenantRegistry>().Find("tforbidden"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTenantsAdminTests(SqliteSite site) : TenantsAdminTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresTenantsAdminTests(PostgresSite site) : TenantsAdminTests(site);
