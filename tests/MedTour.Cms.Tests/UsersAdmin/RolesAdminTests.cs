using System.Net;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.UsersAdmin;

/// <summary><c>/admin/roles</c>: create, edit the permission grid, delete; changes apply at the next request; bad input changes nothing.</summary>
public abstract class RolesAdminTests(SiteFixture site)
{
    [Fact]
    public async Task A_new_role_gets_permissions_from_the_grid_and_its_users_have_them_at_their_next_request()
    {
        var role = "Translator" + Guid.NewGuid().ToString("N")[..6];
        using var admin = await site.SignInAsync("ukraine", "admin", CmsAppFactory.AdminPassword);
        using (var created = await admin.PostFormAsync("/admin/roles/new", [new("name", role), new("description", "Translates")], "/admin/roles/new"))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.EndsWith("/ua/admin/roles/" + role, created.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using var member = await site.SignInAsNewUserAsync("ukraine", role);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/admin/users")).StatusCode);

        var grid = await admin.PageAsync("/admin/roles/" + role);
        Assert.NotNull(grid.QuerySelector("input[name=permissions][value=Publish_Article]"));
        Assert.NotNull(grid.QuerySelector("input[name=permissions][value=ManageUsers]"));
        using (var saved = await admin.PostFormAsync("/admin/roles/" + role,
            [new("description", "Translates articles"), new("permissions", "AccessAdminPanel"), new("permissions", "ManageUsers"), new("permissions", "Publish_Article")], "/admin/roles/" + role))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/admin/users")).StatusCode);
        var summary = await RoleAsync("ukraine", role);
        Assert.Equal(["AccessAdminPanel", "ManageUsers", "Publish_Article"], summary!.Permissions);
        Assert.Equal("Translates articles", summary.Description);

        using (var deleted = await admin.PostFormAsync($"/admin/roles/{role}/delete", [], "/admin/roles/" + role))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.Null(await RoleAsync("ukraine", role));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/roles/" + role)).StatusCode);
    }

    [Theory]
    [InlineData("", "name")]
    [InlineData("Two words", "name")]
    [InlineData(DefaultRoles.Editor, "name")]
    public async Task A_bad_role_name_is_a_400_naming_the_field(string name, string field)
    {
        using var admin = await site.SignInAsync("europe", "admin", CmsAppFactory.AdminPassword);
        using var response = await admin.PostFormAsync("/admin/roles/new", [new("name", name), new("description", "kept")], "/admin/roles/new");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = AdminSession.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector($"#{field}-error"));
        Assert.Equal("kept", page.QuerySelector("#description")!.GetAttribute("value"));
        Assert.Equal(name == DefaultRoles.Editor ? 1 : 0, (await ListAsync("europe")).Count(r => r.Name == name.Trim()));
    }

    [Fact]
    public async Task An_unknown_permission_saves_nothing_and_permissions_of_absent_modules_are_kept()
    {
        var role = "Keeper" + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = site.TenantScope("europe"))
        {
            await scope.ServiceProvider.GetRequiredService<RoleStore>().SaveAsync(role, null, ["AccessAdminPanel", "ManageFutureThings"]);
        }

        using var admin = await site.SignInAsync("europe", "admin", CmsAppFactory.AdminPassword);
        using (var bad = await admin.PostFormAsync("/admin/roles/" + role, [new("permissions", "EditContent"), new("permissions", "NoSuchPermission")], "/admin/roles/" + role))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var page = AdminSession.Parse(await bad.Content.ReadAsStringAsync());
            Assert.Contains("NoSuchPermission", page.QuerySelector("#permissions-error")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(page.QuerySelector("input[value=EditContent][checked]"));
        }

        Assert.Equal(["AccessAdminPanel", "ManageFutureThings"], (await RoleAsync("europe", role))!.Permissions);
        using (var saved = await admin.PostFormAsync("/admin/roles/" + role, [new("permissions", "EditContent")], "/admin/roles/" + role))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(["EditContent", "ManageFutureThings"], (await RoleAsync("europe", role))!.Permissions);
    }

    [Fact]
    public async Task The_Administrator_role_cannot_be_deleted()
    {
        using var admin = await site.SignInAsync("usa", "admin", CmsAppFactory.AdminPassword);
        var page = await admin.PageAsync("/admin/roles/Administrator");
        Assert.Null(page.QuerySelector("form[action$='/delete']"));
        using var response = await admin.PostFormAsync("/admin/roles/Administrator/delete", [], "/admin/roles");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(await RoleAsync("usa", DefaultRoles.Administrator));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/admin/roles/NoSuchRole/delete", [], "/admin/roles")).StatusCode);
    }

    private async Task<IReadOnlyList<RoleSummary>> ListAsync(string tenant)
    {
        await using var scope = site.TenantScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<RoleStore>().ListAsync();
    }

    private async Task<RoleSummary?> RoleAsync(string tenant, string role) => (await ListAsync(tenant)).FirstOrDefault(r => r.Name == role);
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRolesAdminTests(SqliteSite site) : RolesAdminTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRolesAdminTests(PostgresSite site) : RolesAdminTests(site);
