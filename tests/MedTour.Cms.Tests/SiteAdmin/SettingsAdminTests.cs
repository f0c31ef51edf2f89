using System.Net;
using System.Text.Json.Nodes;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Settings;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.SiteAdmin;

/// <summary>/admin/settings: each field checked on its own; a refused form saves nothing; the site reads what is saved.</summary>
public abstract class SettingsAdminTests(SiteFixture site)
{
    [Fact]
    public async Task Saved_settings_reach_the_document_the_tenant_and_robots_txt()
    {
        var (name, admin) = await site.NewSiteAsync();
        using (admin)
        {
            var form = await admin.PageAsync("/admin/settings");
            Assert.Equal("coordinators@eu.medtour.example", form.QuerySelector("input#fallbackEmail")!.GetAttribute("value"));

            using var saved = await admin.PostFormAsync("/admin/settings", Fields(timeZone: "Europe/Warsaw", allowIndexing: false), "/admin/settings");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

            Assert.Equal(["en", "pl"], site.Service<TenantRegistry>().Find(name)!.Cultures);
            var settings = await SettingsAsync(name);
            Assert.Equal("Poland site", settings["SiteName"]!.GetValue<string>());
            Assert.Equal("Europe/Warsaw", settings["TimeZoneId"]!.GetValue<string>());
            Assert.Equal("inbox@pl.medtour.example", settings["MedTourSettings"]!["FallbackCoordinatorEmail"]!.GetValue<string>());
            Assert.Equal("consultation", settings["MedTourSettings"]!["ConsultationPath"]!.GetValue<string>());

            using var visitor = site.Client();
            var robots = await visitor.GetStringAsync(new Uri($"/{name}/robots.txt", UriKind.Relative));
            Assert.Contains("Disallow: /\n", robots, StringComparison.Ordinal);
            Assert.Contains("Disallow: /search", robots, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("timeZone", "Mars/Olympus")]
    [InlineData("fallbackEmail", "not-an-email")]
    [InlineData("cultures", "en, xx-nope")]
    [InlineData("robotsRules", "<script>alert(1)</script>")]
    [InlineData("siteName", "")]
    [InlineData("phoneLines", "Main | 12")]
    public async Task A_bad_value_is_named_next_to_its_field_and_nothing_is_saved(string field, string value)
    {
        var (name, admin) = await site.NewSiteAsync(recipe: null, region: new RegionSettings { Name = "Test region", PhoneLines = [new("Main", "+48 22 123 45 67")] });
        using (admin)
        {
            try
            {
                var before = (await SettingsAsync(name)).ToJsonString();
                var fields = Fields();
                fields[field] = value;
                using var response = await admin.PostFormAsync("/admin/settings", fields, "/admin/settings");

                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                var page = AdminSession.Parse(await response.Content.ReadAsStringAsync());
                Assert.NotNull(page.QuerySelector($"#{field}-error"));
                Assert.Single(page.QuerySelectorAll(".field-error"));
                Assert.Equal(before, (await SettingsAsync(name)).ToJsonString());
                var tenant = site.Service<TenantRegistry>().Find(name)!;
                Assert.Equal(["en"], tenant.Cultures);
                Assert.Equal("+48 22 123 45 67", Assert.Single(tenant.Region!.PhoneLines).Number);
            }
            finally
            {
                // A running tenant with a region shows in every site's header: take it out for the other tests.
                await site.Service<TenantManager>().DisableAsync(name);
            }
        }
    }

    [Fact]
    public async Task A_regional_sites_phone_lines_are_saved_to_its_region()
    {
        var (name, admin) = await site.NewSiteAsync(recipe: null, region: new RegionSettings { Name = "Test region", PhoneLines = [new("Main", "+48 22 123 45 67")] });
        using (admin)
        {
            try
            {
                var fields = Fields();
                fields["phoneLines"] = "Warsaw | +48 22 000 11 22\nKraków | +48 12 333 44 55";
                using var saved = await admin.PostFormAsync("/admin/settings", fields, "/admin/settings");
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
                var lines = site.Service<TenantRegistry>().Find(name)!.Region!.PhoneLines;
                Assert.Equal(["Warsaw", "Kraków"], lines.Select(l => l.Label));
                Assert.Equal("+48123334455", lines[1].Dialable);
            }
            finally
            {
                await site.Service<TenantManager>().DisableAsync(name);
            }
        }
    }

    [Fact]
    public async Task Only_those_who_manage_settings_open_them()
    {
        using var editor = await site.SignInAsNewUserAsync("usa", DefaultRoles.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/settings")).StatusCode);
        using var post = await editor.PostFormAsync("/admin/settings", Fields());
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    private static Dictionary<string, string> Fields(string timeZone = "UTC", bool allowIndexing = true) => new()
    {
        ["siteName"] = "Poland site",
        ["cultures"] = "en, pl",
        ["phoneLines"] = string.Empty,
        ["timeZone"] = timeZone,
        ["allowIndexing"] = allowIndexing ? "true" : string.Empty,
        ["robotsRules"] = "Disallow: /search",
        ["fallbackEmail"] = "inbox@pl.medtour.example",
    };

    private async Task<JsonObject> SettingsAsync(string tenant)
    {
        await using var scope = site.TenantScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().GetAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSettingsAdminTests(SqliteSite site) : SettingsAdminTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSettingsAdminTests(PostgresSite site) : SettingsAdminTests(site);
