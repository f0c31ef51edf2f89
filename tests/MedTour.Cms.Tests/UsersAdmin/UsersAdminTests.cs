using System.Net;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Modules.UsersAdmin;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.UsersAdmin;

/// <summary><c>/admin/users</c>: invite with a one-time link, list and search, roles, disable and enable, password reset, and the bad input of each.</summary>
public abstract class UsersAdminTests(SiteFixture site)
{
    [Fact]
    public async Task An_invited_user_sets_a_password_through_a_link_that_works_once_and_signs_in_with_the_role_given()
    {
        using var admin = await site.SignInAsync("ukraine", "admin", CmsAppFactory.AdminPassword);
        var name = Unique("invited");
        using var invited = await admin.PostFormAsync("/admin/users/invite",
            [new("userName", name), new("email", name + "@example.com"), new("roles", DefaultRoles.Author)], "/admin/users/invite");
        var link = await OneTimeLinks.ShownOnceAsync(invited, "#one-time-link");
        Assert.StartsWith("http://localhost/ua/set-password?user=", link, StringComparison.Ordinal);

        using (var row = await admin.GetAsync("/admin/users?q=" + name))
        {
            Assert.Contains("Invited", await row.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var weak = await OneTimeLinks.SetPasswordAsync(site, link, "short"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
            Assert.Contains("password:", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var set = await OneTimeLinks.SetPasswordAsync(site, link, AdminSessions.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
            Assert.StartsWith("/ua/login?", set.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using (var again = await OneTimeLinks.SetPasswordAsync(site, link, "Another-password-0042"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
            Assert.Contains("expired or was already used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var author = await site.SignInAsync("ukraine", name, AdminSessions.Password);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task A_forged_or_foreign_link_changes_nothing()
    {
        using var anonymous = site.ClientFrom("10.7.0.1");
        using var forged = await anonymous.GetAsync(new Uri("/ua/set-password?user=x&token=y", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // A link made on one site names a user of that site only.
        using var admin = await site.SignInAsync("ukraine", "admin", CmsAppFactory.AdminPassword);
        var name = Unique("foreign");
        using var invited = await admin.PostFormAsync("/admin/users/invite", [new("userName", name), new("email", name + "@example.com")], "/admin/users/invite");
        var link = (await OneTimeLinks.ShownOnceAsync(invited, "#one-time-link")).Replace("/ua/", "/eu/", StringComparison.Ordinal);
        using var other = await OneTimeLinks.SetPasswordAsync(site, link, AdminSessions.Password);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Theory]
    [InlineData("admin", "fresh@example.com", DefaultRoles.Author, "userName")]
    [InlineData("bad name!", "fresh@example.com", DefaultRoles.Author, "userName")]
    [InlineData("", "fresh@example.com", DefaultRoles.Author, "userName")]
    [InlineData("{new}", "not-an-address", DefaultRoles.Author, "email")]
    [InlineData("{new}", "", DefaultRoles.Author, "email")]
    [InlineData("{new}", "{taken}", DefaultRoles.Author, "email")]
    [InlineData("{new}", "fresh@example.com", "NoSuchRole", "roles")]
    public async Task A_bad_invitation_is_a_400_naming_the_field_that_keeps_the_input_and_creates_nobody(string userName, string email, string role, string field)
    {
        var name = userName == "{new}" ? Unique("bad") : userName;
        using var admin = await site.SignInAsync("usa", "admin", CmsAppFactory.AdminPassword);
        if (email == "{taken}")
        {
            email = Unique("owner") + "@example.com";
            using var first = await admin.PostFormAsync("/admin/users/invite", [new("userName", Unique("owner")), new("email", email)], "/admin/users/invite");
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var response = await admin.PostFormAsync("/admin/users/invite", [new("userName", name), new("email", email), new("roles", role)], "/admin/users/invite");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = AdminSession.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector($".error-summary a[href='#{field}']"));
        Assert.NotNull(page.QuerySelector($"#{field}-error"));
        Assert.Equal(name, page.QuerySelector("#userName")!.GetAttribute("value") ?? "");
        if (name.Length > 0 && name != "admin")
        {
            await using var scope = site.TenantScope("usa");
            Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync(name));
        }
    }

    [Fact]
    public async Task The_list_searches_by_name_or_email_and_pages_by_fifty()
    {
        var tag = Unique("page");
        await using (var scope = site.TenantScope("europe"))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            for (var i = 0; i < UserDirectory.PageSize + 3; i++)
            {
                Assert.True((await users.CreateAsync(new IdentityUser { UserName = $"{tag}-{i:D2}", Email = $"u{i}.{tag}@example.com" })).Succeeded);
            }
        }

        using var admin = await site.SignInAsync("europe", "admin", CmsAppFactory.AdminPassword);
        var first = await admin.PageAsync("/admin/users?q=" + tag.ToUpperInvariant());
        Assert.Equal(UserDirectory.PageSize, first.QuerySelectorAll("tbody tr").Length);
        Assert.Equal($"{tag}-00", first.QuerySelector("tbody tr a")!.TextContent);
        var next = first.QuerySelector(".pager a")!.GetAttribute("href")!;
        var second = await admin.PageAsync(next[admin.Prefix.Length..]);
        Assert.Equal(3, second.QuerySelectorAll("tbody tr").Length);

        var byEmail = await admin.PageAsync($"/admin/users?q=u7.{tag}@");
        Assert.Equal($"{tag}-07", Assert.Single(byEmail.QuerySelectorAll("tbody tr a")).TextContent);
        Assert.Empty((await admin.PageAsync("/admin/users?q=nobody-has-this-name")).QuerySelectorAll("tbody tr"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users?page=9999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/users/no-such-id")).StatusCode);
    }

    [Fact]
    public async Task Roles_assigned_apply_at_the_next_request_and_unknown_roles_are_refused()
    {
        var name = Unique("roles");
        await site.CreateUserAsync("ukraine", name, DefaultRoles.Author);
        using var user = await site.SignInAsync("ukraine", name, AdminSessions.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/admin/roles")).StatusCode);
        using var admin = await site.SignInAsync("ukraine", "admin", CmsAppFactory.AdminPassword);
        var id = await IdAsync("ukraine", name);

        using (var bad = await admin.PostFormAsync($"/admin/users/{id}/roles", [new("roles", DefaultRoles.Editor), new("roles", "Ghost")], $"/admin/users/{id}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("Ghost", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal([DefaultRoles.Author], await RolesAsync("ukraine", name));
        using (var saved = await admin.PostFormAsync($"/admin/users/{id}/roles", [new("roles", DefaultRoles.Administrator)], $"/admin/users/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal([DefaultRoles.Administrator], await RolesAsync("ukraine", name));
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/admin/roles")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_their_open_session_stops_working_until_enabled()
    {
        var name = Unique("disabled");
        await site.CreateUserAsync("ukraine", name, DefaultRoles.Editor);
        using var user = await site.SignInAsync("ukraine", name, AdminSessions.Password);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/admin")).StatusCode);
        using var admin = await site.SignInAsync("ukraine", "admin", CmsAppFactory.AdminPassword);
        var id = await IdAsync("ukraine", name);

        using (var disabled = await admin.PostFormAsync($"/admin/users/{id}/disable", [], $"/admin/users/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        }

        Assert.NotEqual(HttpStatusCode.OK, (await user.GetAsync("/admin")).StatusCode);
        using (var refused = await site.ClientFrom("10.6.0.1").SignInAsync("/ua", name, AdminSessions.Password))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("This account is disabled", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains("Disabled", (await admin.PageAsync("/admin/users?q=" + name)).QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);

        using (var enabled = await admin.PostFormAsync($"/admin/users/{id}/enable", [], $"/admin/users/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await site.ClientFrom("10.6.0.2").SignInAsync("/ua", name, AdminSessions.Password)).StatusCode);
    }

    [Fact]
    public async Task An_administrator_cannot_disable_themselves_nor_take_the_role_from_the_last_active_administrator()
    {
        var name = Unique("lastadmin");
        await site.CreateUserAsync("usa", name, DefaultRoles.Administrator);
        using var self = await site.SignInAsync("usa", name, AdminSessions.Password);
        var id = await IdAsync("usa", name);
        using (var refused = await self.PostFormAsync($"/admin/users/{id}/disable", [], $"/admin/users/{id}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull(AdminSession.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#disabled-error"));
        }

        // Every other administrator disabled for the test: this one is the last.
        var others = await OtherActiveAdministratorsAsync("usa", id);
        await SetDisabledAsync("usa", others, true);
        try
        {
            using var refused = await self.PostFormAsync($"/admin/users/{id}/roles", [new("roles", DefaultRoles.Editor)], $"/admin/users/{id}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull(AdminSession.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#roles-error"));
            Assert.Equal([DefaultRoles.Administrator], await RolesAsync("usa", name));
        }
        finally
        {
            await SetDisabledAsync("usa", others, false);
        }
    }

    [Fact]
    public async Task A_reset_gives_a_one_time_link_or_a_generated_password_shown_once()
    {
        var name = Unique("reset");
        await site.CreateUserAsync("europe", name, DefaultRoles.Author);
        using var admin = await site.SignInAsync("europe", "admin", CmsAppFactory.AdminPassword);
        var id = await IdAsync("europe", name);

        using var generated = await admin.PostFormAsync($"/admin/users/{id}/reset-password", [new("mode", "password")], $"/admin/users/{id}");
        var password = await OneTimeLinks.ShownOnceAsync(generated, "#one-time-password");
        Assert.True(generated.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.Unauthorized, (await site.ClientFrom("10.5.0.1").SignInAsync("/eu", name, AdminSessions.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await site.ClientFrom("10.5.0.2").SignInAsync("/eu", name, password)).StatusCode);

        using var linked = await admin.PostFormAsync($"/admin/users/{id}/reset-password", [new("mode", "link")], $"/admin/users/{id}");
        var link = await OneTimeLinks.ShownOnceAsync(linked, "#one-time-link");
        using (var mismatch = await OneTimeLinks.SetPasswordAsync(site, link, "Chosen-password-0042", "Other-password-0042"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await OneTimeLinks.SetPasswordAsync(site, link, "Chosen-password-0042")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await site.ClientFrom("10.5.0.3").SignInAsync("/eu", name, "Chosen-password-0042")).StatusCode);

        using var bad = await admin.PostFormAsync($"/admin/users/{id}/reset-password", [new("mode", "email")], $"/admin/users/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull(AdminSession.Parse(await bad.Content.ReadAsStringAsync()).QuerySelector("#mode-error"));
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private async Task<string> IdAsync(string tenant, string userName)
    {
        await using var scope = site.TenantScope(tenant);
        return (await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync(userName))!.Id;
    }

    private async Task<List<string>> RolesAsync(string tenant, string userName)
    {
        await using var scope = site.TenantScope(tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return [.. await users.GetRolesAsync((await users.FindByNameAsync(userName))!)];
    }

    private async Task<List<string>> OtherActiveAdministratorsAsync(string tenant, string except)
    {
        await using var scope = site.TenantScope(tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return (await users.GetUsersInRoleAsync(DefaultRoles.Administrator))
            .Where(u => u.Id != except && !UserAccounts.IsDisabled(u.LockoutEnd, DateTimeOffset.UtcNow)).Select(u => u.Id).ToList();
    }

    private async Task SetDisabledAsync(string tenant, List<string> ids, bool disabled)
    {
        await using var scope = site.TenantScope(tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        foreach (var id in ids)
        {
            var user = (await users.FindByIdAsync(id))!;
            Assert.True((await users.SetLockoutEndDateAsync(user, disabled ? UserAccounts.DisabledUntil : null)).Succeeded);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteUsersAdminTests(SqliteSite site) : UsersAdminTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresUsersAdminTests(PostgresSite site) : UsersAdminTests(site);
