using System.Net;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Consultations;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Tests.Inbox;

/// <summary>A request's page: decrypted answers shown as text, audited attachment downloads, status, notes, reassignment.</summary>
public abstract class InboxRequestTests(SiteFixture site)
{
    [Fact]
    public async Task The_answers_are_decrypted_and_shown_as_text_so_script_in_any_field_is_never_markup()
    {
        var (id, me) = await site.CoordinatorAsync();
        using var _ = me;
        var fields = ConsultationForm.ValidUkrainian();
        fields["name"] = "<script>alert('name')</script>";
        fields["message"] = "<img src=x onerror=alert(1)>Болить";
        var request = await site.RequestAsync(id, fields);

        using var response = await me.GetAsync("/admin/inbox/" + request.Reference);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert", html, StringComparison.Ordinal);
        var page = AdminSession.Parse(html);
        Assert.Equal("<img src=x onerror=alert(1)>Болить", page.QuerySelector("dd[data-field='message']")!.TextContent);
        Assert.Equal(fields["condition"], page.QuerySelector("dd[data-field='condition']")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main script, main img"));

        // The list decrypts the name too, and encodes it the same way.
        var list = await me.GetAsync("/admin/inbox");
        Assert.DoesNotContain("<script>alert", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_downloads_as_an_attachment_with_its_name_and_bytes_and_each_download_is_audited()
    {
        var (id, me) = await site.CoordinatorAsync();
        using var _ = me;
        var request = await site.RequestAsync(id, pdf: ConsultationForm.Pdf(30_000));
        var page = await me.PageAsync("/admin/inbox/" + request.Reference);
        var link = page.QuerySelector("ul.inbox-files a")!;
        Assert.Equal("виписка.pdf", link.TextContent);

        for (var i = 0; i < 2; i++)
        {
            using var download = await me.Client.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("виписка.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
            Assert.Equal("application/octet-stream", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal(request.Pdf, await download.Content.ReadAsByteArrayAsync());
        }

        var downloads = (await site.HistoryAsync(request.Id)).Where(h => h.Kind == "download").ToList();
        Assert.Equal(2, downloads.Count);
        Assert.All(downloads, d => Assert.Equal(me.UserName, d.Actor));
        var audit = await site.WithDbAsync(db => db.AuditTrailEvents.AsNoTracking().Where(e => e.ContentItemId == request.Reference).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.All(audit, e => Assert.Equal(("downloaded", "Submission", me.UserName), (e.EventName, e.ContentType, e.UserName)));
        Assert.DoesNotContain(audit, e => (e.Comment + e.DisplayText).Contains("виписка", StringComparison.Ordinal));

        using var missing = await me.GetAsync($"/admin/inbox/{request.Reference}/files/{request.FileId + 100_000}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Status_moves_new_contacted_scheduled_closed_and_an_invalid_move_is_a_400_that_changes_nothing()
    {
        var (id, me) = await site.CoordinatorAsync();
        using var _ = me;
        var request = await site.RequestAsync(id);
        var path = $"/admin/inbox/{request.Reference}/status";
        const string from = "/admin/inbox/";

        foreach (var invalid in new[] { "scheduled", "closed", "bogus", "" })
        {
            using var refused = await me.PostFormAsync(path, [new("status", invalid)], from + request.Reference);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull(AdminSession.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector(".error-summary a[href='#status']"));
        }

        Assert.Equal("new", (await site.StoredAsync(request.Reference)).Status);
        Assert.Empty(await site.HistoryAsync(request.Id));

        using (var contacted = await me.PostFormAsync(path, [new("status", "contacted")], from + request.Reference))
        {
            Assert.Equal(HttpStatusCode.Redirect, contacted.StatusCode);
        }

        var stored = await site.StoredAsync(request.Reference);
        Assert.Equal("contacted", stored.Status);
        // The assigned coordinator working the request has acknowledged it: the SLA clock stops.
        Assert.NotNull(stored.AcknowledgedUtc);
        Assert.Null(stored.ConvertedUtc);

        foreach (var next in new[] { "scheduled", "closed" })
        {
            using var moved = await me.PostFormAsync(path, [new("status", next)], from + request.Reference);
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        stored = await site.StoredAsync(request.Reference);
        Assert.Equal("closed", stored.Status);
        Assert.NotNull(stored.ConvertedUtc);
        using (var reopened = await me.PostFormAsync(path, [new("status", "contacted")], from + request.Reference))
        {
            Assert.Equal(HttpStatusCode.BadRequest, reopened.StatusCode);
        }

        var history = await site.HistoryAsync(request.Id);
        Assert.Equal(new[] { "acknowledged", "status", "status", "status" }, history.Select(h => h.Kind));
        Assert.Equal(new[] { "contacted", "scheduled", "closed" }, history.Where(h => h.Kind == "status").Select(h => h.Value));

        var spam = await site.RequestAsync(id, withFile: false);
        using var marked = await me.PostFormAsync($"/admin/inbox/{spam.Reference}/status", [new("status", "spam")], from + spam.Reference);
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal("spam", (await site.StoredAsync(spam.Reference)).Status);
    }

    [Fact]
    public async Task Notes_are_stored_encrypted_shown_on_the_page_and_an_empty_note_is_a_400()
    {
        var (id, me) = await site.CoordinatorAsync();
        using var _ = me;
        var request = await site.RequestAsync(id);
        var path = $"/admin/inbox/{request.Reference}/notes";
        using (var empty = await me.PostFormAsync(path, [new("note", "   ")], "/admin/inbox/" + request.Reference))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        }

        const string text = "Передзвонити у вівторок <b>після</b> 14:00";
        using (var added = await me.PostFormAsync(path, [new("note", text)], "/admin/inbox/" + request.Reference))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var note = Assert.Single(await site.HistoryAsync(request.Id));
        Assert.Equal("note", note.Kind);
        Assert.DoesNotContain("вівторок", note.ProtectedText!, StringComparison.Ordinal);
        var page = await me.PageAsync("/admin/inbox/" + request.Reference);
        Assert.Equal(text, page.QuerySelector("li[data-kind='note'] blockquote")!.TextContent);
    }

    [Fact]
    public async Task A_regional_lead_hands_a_request_to_a_colleague_which_restarts_the_SLA_and_a_coordinator_cannot()
    {
        var (first, coordinator) = await site.CoordinatorAsync();
        var (second, colleague) = await site.CoordinatorAsync();
        using var _ = coordinator;
        using var __ = colleague;
        var request = await site.RequestAsync(first, assignedUtc: DateTime.UtcNow.AddDays(-8));
        var path = $"/admin/inbox/{request.Reference}/assign";

        using (var refused = await coordinator.PostFormAsync(path, [new("coordinator", second)], "/admin/inbox/" + request.Reference))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var lead = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.RegionalLead);
        var page = await lead.PageAsync("/admin/inbox/" + request.Reference);
        Assert.Equal("overdue", page.QuerySelector("[data-sla]")!.GetAttribute("data-sla"));
        Assert.NotNull(page.QuerySelector($"#coordinator option[value='{second}']"));
        using (var unknown = await lead.PostFormAsync(path, [new("coordinator", "no-such-coordinator")], "/admin/inbox/" + request.Reference))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        }

        using (var handed = await lead.PostFormAsync(path, [new("coordinator", second)], "/admin/inbox/" + request.Reference))
        {
            Assert.Equal(HttpStatusCode.Redirect, handed.StatusCode);
        }

        var stored = await site.StoredAsync(request.Reference);
        Assert.Equal(second, stored.CoordinatorId);
        Assert.True(stored.AssignedUtc > DateTime.UtcNow.AddMinutes(-5));
        var entry = Assert.Single(await site.HistoryAsync(request.Id));
        Assert.Equal(("reassigned", second, first, lead.UserName), (entry.Kind, entry.CoordinatorId, entry.Value, entry.Actor));

        // The request moved with it: the first coordinator no longer opens it, the colleague does, with the clock running.
        using (var gone = await coordinator.GetAsync("/admin/inbox/" + request.Reference))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        var theirs = await colleague.PageAsync("/admin/inbox/" + request.Reference);
        Assert.Equal("running", theirs.QuerySelector("[data-sla]")!.GetAttribute("data-sla"));
        using var take = await colleague.PostFormAsync($"/admin/inbox/{request.Reference}/acknowledge", [], "/admin/inbox/" + request.Reference);
        Assert.Equal(HttpStatusCode.Redirect, take.StatusCode);
        Assert.Equal("acknowledged", (await colleague.PageAsync("/admin/inbox/" + request.Reference)).QuerySelector("[data-sla]")!.GetAttribute("data-sla"));
    }
}

[Collection(ConsultationSqliteCollection.Name)]
public sealed class SqliteInboxRequestTests(ConsultationSqliteSite site) : InboxRequestTests(site);

[Collection(ConsultationPostgresCollection.Name)]
public sealed class PostgresInboxRequestTests(ConsultationPostgresSite site) : InboxRequestTests(site);
