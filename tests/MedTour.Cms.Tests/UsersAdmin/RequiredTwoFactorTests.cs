using System.Net;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.UsersAdmin;

/// <summary>A site with <c>MedTour:Admin:RequireTwoFactor</c> on (its own host: the setting is read at start).</summary>
public sealed class RequiredTwoFactorSite : SqliteSite
{
    protected override void Configure(Dictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["MedTour:Admin:RequireTwoFactor"] = "true";
    }
}

/// <summary>
/// With two-factor required, an Administrator without it reaches only the page that sets it up; other roles are not
/// held up. The gate reads one column, the same on both databases, so SQLite alone runs it.
/// </summary>
public sealed class RequiredTwoFactorTests(RequiredTwoFactorSite site) : IClassFixture<RequiredTwoFactorSite>
{
    [Fact]
    public async Task An_administrator_without_two_factor_is_sent_to_set_it_up_from_every_admin_page_but_that_one()
    {
        using var admin = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Administrator);
        foreach (var path in new[] { "/admin", "/admin/users", "/admin/roles" })
        {
            using var response = await admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/ua/admin/two-factor", response.Headers.Location!.OriginalString);
        }

        using (var post = await admin.PostFormAsync("/admin/roles/new", [new("name", "Blocked")], "/admin/two-factor"))
        {
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        }

        var key = await TwoFactorSteps.KeyAsync(admin);
        await TwoFactorSteps.EnableAsync(admin, key);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);

        using var editor = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin")).StatusCode);
    }
}
