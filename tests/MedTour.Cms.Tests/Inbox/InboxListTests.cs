using System.Net;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Consultations;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.Inbox;

/// <summary>The inbox list: filters by status, date, condition and coordinator, paging, bad filters, the SLA clock.</summary>
public abstract class InboxListTests(SiteFixture site)
{
    [Fact]
    public async Task Filters_by_status_date_condition_and_coordinator_narrow_the_list()
    {
        var (id, me) = await site.CoordinatorAsync();
        using var _ = me;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var fields = ConsultationForm.ValidUkrainian();
        fields["condition"] = "Гепатит " + tag;
        var hepatitis = await site.RequestAsync(id, fields, withFile: false);
        var old = await site.RequestAsync(id, assignedUtc: new DateTime(2025, 3, 10, 12, 0, 0, DateTimeKind.Utc), withFile: false);
        var contacted = await site.RequestAsync(id, withFile: false);
        using (var moved = await me.PostFormAsync($"/admin/inbox/{contacted.Reference}/status", [new("status", "contacted")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        Assert.Equal(new[] { hepatitis.Reference }, await ReferencesAsync(me, "/admin/inbox?condition=" + Uri.EscapeDataString("гепатит " + tag)));
        Assert.Equal(new[] { old.Reference }, await ReferencesAsync(me, "/admin/inbox?from=2025-03-10&to=2025-03-10"));
        var onlyContacted = await ReferencesAsync(me, "/admin/inbox?status=contacted");
        Assert.Contains(contacted.Reference, onlyContacted);
        Assert.DoesNotContain(hepatitis.Reference, onlyContacted);
        Assert.Equal(3, (await ReferencesAsync(me, "/admin/inbox?coordinator=" + id)).Count);

        using var lead = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.RegionalLead);
        var leads = await ReferencesAsync(lead, "/admin/inbox?coordinator=" + id);
        Assert.Equal(new[] { hepatitis.Reference, contacted.Reference, old.Reference }.Order(), leads.Order());
    }

    [Theory]
    [InlineData("status=bogus", "status")]
    [InlineData("from=10.03.2025", "from")]
    [InlineData("to=2025-13-01", "to")]
    [InlineData("from=2025-03-10&to=2025-03-01", "to")]
    [InlineData("coordinator=no-such-coordinator", "coordinator")]
    [InlineData("page=0", "page")]
    public async Task A_bad_filter_is_a_400_naming_the_field(string query, string field)
    {
        using var lead = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.RegionalLead);
        using var response = await lead.GetAsync("/admin/inbox?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = AdminSession.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector($".error-summary a[href='#{field}']"));
    }

    [Fact]
    public async Task Times_and_date_filters_are_the_regions_Kyiv_time()
    {
        var (id, me) = await site.CoordinatorAsync();
        using var _ = me;
        // 23:30 UTC on 10 March is 01:30 on 11 March in Kyiv (UTC+2 in winter).
        var late = await site.RequestAsync(id, assignedUtc: new DateTime(2025, 3, 10, 23, 30, 0, DateTimeKind.Utc), withFile: false);

        var list = await me.PageAsync("/admin/inbox?from=2025-03-11&to=2025-03-11");
        Assert.Equal(new[] { late.Reference }, list.QuerySelectorAll("tr[data-reference]").Select(r => r.GetAttribute("data-reference")));
        Assert.Contains("2025-03-11 01:30 UTC+02:00", list.QuerySelector($"tr[data-reference='{late.Reference}']")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(late.Reference, await ReferencesAsync(me, "/admin/inbox?from=2025-03-10&to=2025-03-10"));

        var page = await me.PageAsync("/admin/inbox/" + late.Reference);
        Assert.Contains("2025-03-11 01:30 UTC+02:00", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_pages_and_each_row_shows_its_SLA_clock()
    {
        var (id, me) = await site.CoordinatorAsync();
        using var _ = me;
        var overdue = await site.RequestAsync(id, assignedUtc: DateTime.UtcNow.AddDays(-8), withFile: false);
        var running = await site.RequestAsync(id, assignedUtc: DateTime.UtcNow.AddMinutes(-30), withFile: false);
        for (var i = 0; i < 25; i++)
        {
            await site.RequestAsync(id, assignedUtc: DateTime.UtcNow.AddDays(-10).AddMinutes(-i), withFile: false);
        }

        var first = await me.PageAsync("/admin/inbox");
        Assert.Equal(25, first.QuerySelectorAll("tr[data-reference]").Length);
        Assert.Equal("running", first.QuerySelector($"tr[data-reference='{running.Reference}'] [data-sla]")!.GetAttribute("data-sla"));
        Assert.Equal("overdue", first.QuerySelector($"tr[data-reference='{overdue.Reference}'] [data-sla]")!.GetAttribute("data-sla"));
        Assert.NotNull(first.QuerySelector("nav.pager a[rel=next]"));
        var second = await me.PageAsync("/admin/inbox?page=2");
        Assert.Equal(2, second.QuerySelectorAll("tr[data-reference]").Length);
        Assert.Empty(first.QuerySelectorAll("tr[data-reference]").Select(r => r.GetAttribute("data-reference"))
            .Intersect(second.QuerySelectorAll("tr[data-reference]").Select(r => r.GetAttribute("data-reference"))));
    }

    [Fact]
    public async Task A_request_sent_through_the_Ukrainian_form_reaches_the_inbox_with_its_file()
    {
        using var client = site.ClientFrom("10.44.0." + Random.Shared.Next(1, 250));
        var form = await ConsultationForm.OpenAsync(client);
        var pdf = ConsultationForm.Pdf();
        using var response = await form.SubmitAsync(client, ConsultationForm.ValidUkrainian(), [("mri.pdf", pdf)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reference = await ConsultationSubmissionTests.ReferenceOfAsync(client, response);

        using var lead = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.RegionalLead);
        var page = await lead.PageAsync("/admin/inbox/" + reference);
        Assert.Equal("Олена Петренко", page.QuerySelector("dd[data-field='name']")!.TextContent);
        // Choices read as the patient saw them, with their codes; ticked boxes as "Yes".
        Assert.Equal("Україна (UA)", page.QuerySelector("dd[data-field='country']")!.TextContent);
        Assert.Equal("Німеччина (DE)", page.QuerySelector("dd[data-field='destination']")!.TextContent);
        Assert.Equal("Українська (uk)", page.QuerySelector("dd[data-field='language']")!.TextContent);
        Assert.Equal("Yes", page.QuerySelector("dd[data-field='consent']")!.TextContent);
        Assert.Equal("Yes", page.QuerySelector("dd[data-field='phone_country_confirmed']")!.TextContent);
        var link = page.QuerySelector("ul.inbox-files a")!;
        Assert.Equal("mri.pdf", link.TextContent);
        using var file = await lead.Client.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal(pdf, await file.Content.ReadAsByteArrayAsync());
    }

    private static async Task<List<string>> ReferencesAsync(AdminSession session, string path) =>
        [.. (await session.PageAsync(path)).QuerySelectorAll("tr[data-reference]").Select(r => r.GetAttribute("data-reference")!)];
}

[Collection(ConsultationSqliteCollection.Name)]
public sealed class SqliteInboxListTests(ConsultationSqliteSite site) : InboxListTests(site);

[Collection(ConsultationPostgresCollection.Name)]
public sealed class PostgresInboxListTests(ConsultationPostgresSite site) : InboxListTests(site);
