using System.Net;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Consultations;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.Inbox;

/// <summary>Who sees which request: a coordinator their own, a regional lead all of the site's, nobody another site's.</summary>
public abstract class InboxAccessTests(SiteFixture site)
{
    [Fact]
    public async Task A_coordinator_lists_and_opens_only_their_own_requests_and_gets_404_for_a_colleagues()
    {
        var (mine, me) = await site.CoordinatorAsync();
        var (theirs, colleague) = await site.CoordinatorAsync();
        using var _ = me;
        using var __ = colleague;
        var own = await site.RequestAsync(mine);
        var other = await site.RequestAsync(theirs);

        var list = await me.PageAsync("/admin/inbox");
        Assert.NotNull(list.QuerySelector($"tr[data-reference='{own.Reference}']"));
        Assert.Null(list.QuerySelector($"tr[data-reference='{other.Reference}']"));

        using (var opened = await me.GetAsync("/admin/inbox/" + own.Reference))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        foreach (var path in new[] { $"/admin/inbox/{other.Reference}", $"/admin/inbox/{other.Reference}/files/{other.FileId}" })
        {
            using var response = await me.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        foreach (var (action, field, value) in new[] { ("status", "status", "contacted"), ("notes", "note", "hi"), ("acknowledge", "x", "y") })
        {
            using var response = await me.PostFormAsync($"/admin/inbox/{other.Reference}/{action}", [new(field, value)]);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var untouched = await site.StoredAsync(other.Reference);
        Assert.Equal("new", untouched.Status);
        Assert.Null(untouched.AcknowledgedUtc);
        Assert.Empty(await site.HistoryAsync(other.Id));
    }

    [Fact]
    public async Task A_regional_lead_sees_every_request_of_the_site_and_a_user_who_is_no_coordinator_sees_none()
    {
        var (first, coordinator) = await site.CoordinatorAsync();
        coordinator.Dispose();
        var assigned = await site.RequestAsync(first);
        var unassigned = await site.RequestAsync(null);
        using var lead = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.RegionalLead);
        var list = await lead.PageAsync("/admin/inbox?coordinator=" + first);
        Assert.NotNull(list.QuerySelector($"tr[data-reference='{assigned.Reference}']"));
        list = await lead.PageAsync("/admin/inbox?coordinator=none");
        Assert.NotNull(list.QuerySelector($"tr[data-reference='{unassigned.Reference}']"));
        using (var opened = await lead.GetAsync("/admin/inbox/" + unassigned.Reference))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        // A Coordinator-role user whose e-mail is no Coordinator item's: an empty inbox that says why.
        using var stranger = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Coordinator);
        var empty = await stranger.PageAsync("/admin/inbox");
        Assert.Empty(empty.QuerySelectorAll("tr[data-reference]"));
        Assert.NotNull(empty.QuerySelector("p.flash.error"));
        using var refused = await stranger.GetAsync("/admin/inbox/" + assigned.Reference);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task Nobody_sees_another_sites_requests_not_even_its_regional_lead_or_administrator()
    {
        var ukrainian = await site.RequestAsync(null);
        foreach (var role in new[] { DefaultRoles.RegionalLead, DefaultRoles.Administrator })
        {
            using var europe = await site.SignInAsNewUserAsync("europe", role);
            var list = await europe.PageAsync("/admin/inbox");
            Assert.Null(list.QuerySelector($"tr[data-reference='{ukrainian.Reference}']"));
            using var response = await europe.GetAsync("/admin/inbox/" + ukrainian.Reference);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            using var file = await europe.GetAsync($"/admin/inbox/{ukrainian.Reference}/files/{ukrainian.FileId}");
            Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        }

        // The Ukrainian session does not open Europe's admin either (the sign-in cookie is the tenant's).
        using var ukraineLead = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.RegionalLead);
        using var crossing = await ukraineLead.Client.GetAsync(new Uri("/eu/admin/inbox", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, crossing.StatusCode);
    }

    [Fact]
    public async Task An_Editor_or_Author_cannot_open_the_inbox_and_the_menu_shows_it_only_to_consultation_roles()
    {
        using var editor = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Editor);
        using var forbidden = await editor.GetAsync("/admin/inbox");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Null((await editor.PageAsync("/admin")).QuerySelector("nav a[href='/ua/admin/inbox']"));
        using var lead = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.RegionalLead);
        Assert.NotNull((await lead.PageAsync("/admin")).QuerySelector("nav a[href='/ua/admin/inbox']"));
    }
}

[Collection(ConsultationSqliteCollection.Name)]
public sealed class SqliteInboxAccessTests(ConsultationSqliteSite site) : InboxAccessTests(site);

[Collection(ConsultationPostgresCollection.Name)]
public sealed class PostgresInboxAccessTests(ConsultationPostgresSite site) : InboxAccessTests(site);
