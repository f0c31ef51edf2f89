using System.Net;
using MedTour.Cms.Content;
using MedTour.Cms.Data;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.AuditTrail;

/// <summary>The audit trail: an event per create, save, publish, unpublish, delete and restore, with user and address, written with the change; and its admin page.</summary>
public abstract class AuditTrailTests(SiteFixture site)
{
    [Fact]
    public async Task Every_change_is_recorded_with_its_user_address_and_version()
    {
        var article = Articles.New(AdminContent.Tag("Audited"), Articles.UniquePath("audited"), "uk", "ua-person-01");
        string firstVersion;
        using (site.ActAs("auditor-one", "203.0.113.7"))
        {
            await using var scope = site.TenantScope("ukraine");
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            await content.CreateAsync(article, VersionOptions.Draft);
            firstVersion = article.ContentItemVersionId;
            article.Content["TitlePart"]!["Title"] = article.DisplayText + " saved";
            await content.UpdateAsync(article);
            await content.PublishAsync(article);
            var draft = (await content.GetAsync(article.ContentItemId, VersionOptions.Latest))!;
            draft.Content["TitlePart"]!["Title"] = "Second version";
            await content.UpdateAsync(draft);
            await scope.ServiceProvider.GetRequiredService<ContentRestore>().RestoreAsync(article.ContentItemId, firstVersion);
            await content.UnpublishAsync(draft);
            await content.RemoveAsync(draft);
        }

        var events = await EventsAsync("ukraine", article.ContentItemId);
        Assert.Equal(["created", "saved", "published", "saved", "restored", "unpublished", "deleted"], events.Select(e => e.EventName));
        Assert.All(events, e =>
        {
            Assert.Equal("auditor-one", e.UserName);
            Assert.Equal("id-auditor-one", e.UserId);
            Assert.Equal("203.0.113.7", e.ClientIpAddress);
            Assert.Equal("Article", e.ContentType);
        });
        Assert.Equal(firstVersion, events[0].ContentItemVersionId);
        // A save after a publish makes a new version: the event names it, not the published one.
        Assert.NotEqual(events[2].ContentItemVersionId, events[3].ContentItemVersionId);
        Assert.Equal("Second version", events[3].DisplayText);
        Assert.Equal(firstVersion, events[4].Comment);
    }

    [Fact]
    public async Task A_change_that_rolls_back_leaves_no_event_and_a_background_change_has_no_user()
    {
        var article = Articles.New(AdminContent.Tag("Rolled back"), Articles.UniquePath("rolled-back"), "uk", "ua-person-01");
        await using (var scope = site.TenantScope("ukraine"))
        {
            var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
            await using var transaction = await unitOfWork.BeginAsync();
            await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(article);
        }

        Assert.Null(await site.LatestAsync("ukraine", article.ContentItemId));
        Assert.Empty(await EventsAsync("ukraine", article.ContentItemId));

        var background = await site.ArticleAsync("ukraine", AdminContent.Tag("Background"), "uk", published: true);
        var events = await EventsAsync("ukraine", background.ContentItemId);
        Assert.Equal(["created", "published"], events.Select(e => e.EventName));
        Assert.All(events, e => Assert.Null(e.UserName));
    }

    [Fact]
    public async Task A_bulk_publish_through_the_admin_records_the_signed_in_user_and_the_clients_address()
    {
        var item = await site.ArticleAsync("ukraine", AdminContent.Tag("Bulk audited"), "uk");
        var userName = "editor-" + Guid.NewGuid().ToString("N")[..10];
        await site.CreateUserAsync("ukraine", userName, DefaultRoles.Editor);
        using var editor = await site.SignInFromAsync("ukraine", "/ua", userName, AdminSessions.Password, "198.51.100.23");
        using var run = await editor.PostFormAsync("/admin/content/bulk/run", [new("action", "publish"), new("ids", item.ContentItemId), new("confirmed", "yes")]);
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);

        var published = (await EventsAsync("ukraine", item.ContentItemId)).Single(e => e.EventName == "published");
        Assert.Equal(userName, published.UserName);
        Assert.Equal("198.51.100.23", published.ClientIpAddress);

        var page = await editor.PageAsync($"/admin/audit-trail?event=published&user={userName}");
        var rows = page.QuerySelectorAll("table.audit-events tbody tr");
        Assert.Single(rows);
        Assert.Equal(item.ContentItemId, rows[0].GetAttribute("data-item"));
        Assert.Contains("198.51.100.23", rows[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_filters_by_event_user_type_and_dates_and_pages()
    {
        var user = "pager-" + Guid.NewGuid().ToString("N")[..10];
        using (site.ActAs(user, "192.0.2.1"))
        {
            for (var i = 0; i < 26; i++)
            {
                await site.ArticleAsync("ukraine", AdminContent.Tag("Paged"), "uk", published: true);
            }
        }

        using var editor = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Editor);
        var all = await editor.PageAsync($"/admin/audit-trail?user={user}");
        Assert.Contains("52 events", all.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(50, all.QuerySelectorAll("table.audit-events tbody tr").Length);
        Assert.Equal(2, (await editor.PageAsync($"/admin/audit-trail?user={user}&page=2")).QuerySelectorAll("table.audit-events tbody tr").Length);
        Assert.Empty((await editor.PageAsync($"/admin/audit-trail?user={user}&page=9")).QuerySelectorAll("table.audit-events tbody tr"));
        Assert.Equal(26, (await editor.PageAsync($"/admin/audit-trail?user={user}&event=created")).QuerySelectorAll("table.audit-events tbody tr").Length);
        Assert.Empty((await editor.PageAsync($"/admin/audit-trail?user={user}&type=Clinic")).QuerySelectorAll("table.audit-events tbody tr"));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(50, (await editor.PageAsync($"/admin/audit-trail?user={user}&from={today}&to={today}")).QuerySelectorAll("table.audit-events tbody tr").Length);
        Assert.Empty((await editor.PageAsync($"/admin/audit-trail?user={user}&to=2020-01-01")).QuerySelectorAll("table.audit-events tbody tr"));
    }

    [Theory]
    [InlineData("event=archived", "Event")]
    [InlineData("type=Nope", "Type")]
    [InlineData("from=2026-13-01", "From")]
    [InlineData("from=2026-02-01&to=2026-01-01", "To")]
    [InlineData("page=0", "Page")]
    public async Task A_filter_that_names_nothing_is_a_400_naming_the_field(string query, string field)
    {
        using var editor = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Editor);
        using var response = await editor.GetAsync("/admin/audit-trail?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, AdminSession.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DefaultRoles.Editor, HttpStatusCode.OK)]
    [InlineData(DefaultRoles.Author, HttpStatusCode.Forbidden)]
    [InlineData(DefaultRoles.MedicalEditor, HttpStatusCode.Forbidden)]
    public async Task Only_roles_with_ViewAuditTrail_open_it(string role, HttpStatusCode expected)
    {
        using var user = await site.SignInAsNewUserAsync("ukraine", role);
        using var response = await user.GetAsync("/admin/audit-trail");
        Assert.Equal(expected, response.StatusCode);
    }

    private async Task<List<AuditTrailEventRecord>> EventsAsync(string tenant, string id)
    {
        await using var scope = site.TenantScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().AuditTrailEvents
            .Where(e => e.ContentItemId == id).OrderBy(e => e.Id).ToListAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAuditTrailTests(SqliteSite site) : AuditTrailTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditTrailTests(PostgresSite site) : AuditTrailTests(site);
