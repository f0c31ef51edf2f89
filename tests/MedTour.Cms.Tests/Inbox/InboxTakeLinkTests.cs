using System.Net;
using MedTour.Cms.Modules.Consultations;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Consultations;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Inbox;

/// <summary>The mail's signed "I'll take it" link: made by a background job (no request), read by the inbox for the named coordinator only.</summary>
public abstract class InboxTakeLinkTests(SiteFixture site)
{
    [Fact]
    public async Task A_link_made_outside_any_request_acknowledges_for_its_coordinator_and_for_nobody_else()
    {
        var (id, me) = await site.CoordinatorAsync();
        var (_, colleague) = await site.CoordinatorAsync();
        using var __ = me;
        using var ___ = colleague;
        var request = await site.RequestAsync(id);
        var link = await LinkAsync("ukraine", request.Reference, id);

        using (var notTheirs = await colleague.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        }

        using (var lead = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.RegionalLead))
        using (var notLeads = await lead.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notLeads.StatusCode);
        }

        Assert.Null((await site.StoredAsync(request.Reference)).AcknowledgedUtc);

        using (var taken = await me.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
            Assert.Equal("/ua/admin/inbox/" + request.Reference, taken.Headers.Location!.OriginalString);
        }

        var stored = await site.StoredAsync(request.Reference);
        Assert.NotNull(stored.AcknowledgedUtc);
        Assert.Equal(id, stored.CoordinatorId);
        var entry = Assert.Single(await site.HistoryAsync(request.Id));
        Assert.Equal(("acknowledged", me.UserName), (entry.Kind, entry.Actor));

        // A second click changes nothing.
        using (var again = await me.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Single(await site.HistoryAsync(request.Id));
    }

    [Fact]
    public async Task A_forged_expired_or_other_sites_link_is_a_400_and_a_link_to_a_request_handed_on_is_a_409()
    {
        var (id, me) = await site.CoordinatorAsync();
        var (other, colleague) = await site.CoordinatorAsync();
        colleague.Dispose();
        using var _ = me;
        var request = await site.RequestAsync(id);
        var link = await LinkAsync("ukraine", request.Reference, id);

        var europeLink = await LinkAsync("europe", request.Reference, id);
        foreach (var bad in new[] { "/admin/inbox/take", "/admin/inbox/take?t=forged", link[..^6] + "AAAAAA", europeLink })
        {
            using var refused = await me.GetAsync(bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        // Expired: the link was made eight days ago.
        string old;
        await using (var scope = site.TenantScope("ukraine"))
        {
            var past = new ShiftedClock(TimeSpan.FromDays(-8));
            old = ActivatorUtilities.CreateInstance<TakeLinks>(scope.ServiceProvider, past).PathFor(request.Reference, id);
        }

        using (var expired = await me.GetAsync(old))
        {
            Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        }

        Assert.Null((await site.StoredAsync(request.Reference)).AcknowledgedUtc);

        // Handed to a colleague since the mail went out: the old link cannot take it back.
        var handed = await site.RequestAsync(other);
        using var stale = await me.GetAsync(await LinkAsync("ukraine", handed.Reference, id));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Null((await site.StoredAsync(handed.Reference)).AcknowledgedUtc);
    }

    /// <summary>As the mail sender makes it: in a tenant scope with no HTTP request.</summary>
    private async Task<string> LinkAsync(string tenant, string reference, string coordinatorId)
    {
        await using var scope = site.TenantScope(tenant);
        return scope.ServiceProvider.GetRequiredService<TakeLinks>().PathFor(reference, coordinatorId);
    }

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
    }
}

[Collection(ConsultationSqliteCollection.Name)]
public sealed class SqliteInboxTakeLinkTests(ConsultationSqliteSite site) : InboxTakeLinkTests(site);

[Collection(ConsultationPostgresCollection.Name)]
public sealed class PostgresInboxTakeLinkTests(ConsultationPostgresSite site) : InboxTakeLinkTests(site);
