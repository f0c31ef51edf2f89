using System.Net;
using MedTour.Cms.Modules.Consultations.Routing;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Tests.SiteAdmin;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Consultations;

/// <summary>/admin/consultations/routing: the regional lead edits the ladder, the SLA and the working hours; a refused form saves nothing.</summary>
public abstract class RoutingAdminTests(SiteFixture site)
{
    [Fact]
    public async Task A_regional_lead_sees_the_default_ladder_and_saves_a_new_one()
    {
        var (name, admin) = await site.NewSiteAsync();
        admin.Dispose();
        using var lead = await site.SignInAsNewUserAsync(name, DefaultRoles.RegionalLead);

        var page = await lead.PageAsync("/admin/consultations/routing");
        var rules = page.QuerySelector("textarea#rules")!.TextContent;
        Assert.StartsWith("destination+specialty+language | destination, specialty, language", rules.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("regional inbox | inbox: coordinators@eu.medtour.example", rules.Trim(), StringComparison.Ordinal);
        Assert.Equal("2", page.QuerySelector("input#slaHours")!.GetAttribute("value"));
        // The region's time zone from the recipe's Settings step (Orchard's TimeZoneId), not UTC: the SLA counts its working hours.
        Assert.Equal("Europe/Berlin", (await SettingsAsync(name)).TimeZoneId);

        using var saved = await lead.PostFormAsync("/admin/consultations/routing", Fields(), "/admin/consultations/routing");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var settings = await SettingsAsync(name);
        Assert.Equal(
            [("oncology desk", RoutingCriteria.Specialty | RoutingCriteria.Language, (string?)null), ("anyone", RoutingCriteria.None, null), ("inbox", RoutingCriteria.None, "desk@eu.medtour.example")],
            settings.Rules.Select(r => (r.Name, r.Criteria, r.Inbox)));
        Assert.Equal((1.5, 3.0, "Europe/Lisbon", new TimeOnly(8, 30), new TimeOnly(17, 0)), (settings.SlaHours, settings.ReassignAfterHours, settings.TimeZoneId, settings.Opens, settings.Closes));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Saturday], settings.Days);
        Assert.Equal("lead@eu.medtour.example", settings.LeadEmail);

        var again = await lead.PageAsync("/admin/consultations/routing");
        Assert.Contains("oncology desk | specialty, language", again.QuerySelector("textarea#rules")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules", "first | inbox: desk@eu.medtour.example\nsecond | language")]
    [InlineData("rules", "first | language, height")]
    [InlineData("rules", "same | language\nsame | specialty")]
    [InlineData("rules", "catch-all | inbox: not-an-address")]
    [InlineData("slaHours", "0")]
    [InlineData("reassignAfterHours", "two")]
    [InlineData("timeZone", "Mars/Olympus")]
    [InlineData("opens", "25:00")]
    [InlineData("closes", "07:00")]
    [InlineData("days", "")]
    [InlineData("leadEmail", "<script>alert(1)</script>")]
    public async Task A_bad_value_is_named_next_to_its_field_and_nothing_is_saved(string field, string value)
    {
        var (name, admin) = await site.NewSiteAsync();
        using (admin)
        {
            var before = System.Text.Json.JsonSerializer.Serialize(await SettingsAsync(name));
            var fields = Fields().Where(f => f.Key != field).ToList();
            if (value.Length > 0)
            {
                fields.Add(new(field, value));
            }

            using var response = await admin.PostFormAsync("/admin/consultations/routing", fields, "/admin/consultations/routing");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = AdminSession.Parse(await response.Content.ReadAsStringAsync());
            Assert.NotNull(page.QuerySelector($"#{field}-error"));
            Assert.Single(page.QuerySelectorAll(".field-error"));
            Assert.DoesNotContain("<script>alert", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(await SettingsAsync(name)));
        }
    }

    private static List<KeyValuePair<string, string>> Fields() =>
    [
        new("rules", "oncology desk | specialty, language\nanyone |\ninbox | inbox: desk@eu.medtour.example"),
        new("slaHours", "1.5"),
        new("reassignAfterHours", "3"),
        new("timeZone", "Europe/Lisbon"),
        new("opens", "08:30"),
        new("closes", "17:00"),
        new("days", "Monday"),
        new("days", "Tuesday"),
        new("days", "Saturday"),
        new("leadEmail", "lead@eu.medtour.example"),
    ];

    private async Task<RoutingSettings> SettingsAsync(string tenant)
    {
        await using var scope = site.TenantScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<RoutingSettingsStore>().GetAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRoutingAdminTests(SqliteSite site) : RoutingAdminTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRoutingAdminTests(PostgresSite site) : RoutingAdminTests(site);
