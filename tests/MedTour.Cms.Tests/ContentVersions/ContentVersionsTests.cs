using System.Net;
using MedTour.Cms.Content;
using MedTour.Cms.Data;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.ContentVersions;

/// <summary>An item's history, the side-by-side diff of two versions, and restoring an old version as a new draft.</summary>
public abstract class ContentVersionsTests(SiteFixture site)
{
    [Fact]
    public async Task The_history_lists_each_version_and_the_diff_shows_the_changed_fields_side_by_side()
    {
        var (article, first, second) = await TwoVersionsAsync();
        using var editor = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Editor);

        var history = await editor.PageAsync($"/admin/content/{article.ContentItemId}/versions");
        var rows = history.QuerySelectorAll("table.versions tbody tr");
        Assert.Equal([second, first], rows.Select(r => r.GetAttribute("data-version")));
        Assert.Contains("Latest", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Published", rows[1].TextContent, StringComparison.Ordinal);

        var diff = await editor.PageAsync($"/admin/content/{article.ContentItemId}/versions/diff?from={first}&to={second}");
        var fields = diff.QuerySelectorAll("section.diff-field").Select(s => s.GetAttribute("data-field")).ToList();
        Assert.Contains("TitlePart.Title", fields);
        Assert.Contains("HtmlBodyPart.Html", fields);
        Assert.DoesNotContain("Article.Summary.Text", fields);
        var body = diff.QuerySelector("section[data-field='HtmlBodyPart.Html']")!;
        var sides = body.QuerySelectorAll(".diff-side");
        Assert.Contains("<p>Unchanged paragraph</p>", sides[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("<p>Old paragraph</p>", sides[0].QuerySelector(".diff-line.deleted, .diff-line.modified")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("<p>New paragraph</p>", sides[1].QuerySelector(".diff-line.inserted, .diff-line.modified")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Unchanged paragraph", sides[1].QuerySelector(".diff-line.unchanged")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restoring_an_old_version_makes_a_new_draft_and_keeps_every_version()
    {
        var (article, first, second) = await TwoVersionsAsync();
        using var editor = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Editor);
        var path = $"/admin/content/{article.ContentItemId}/versions";

        using var restored = await editor.PostFormAsync(path + "/restore", [new("version", first)], tokenFrom: path);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal("/ua" + path, restored.Headers.Location!.OriginalString);

        var latest = (await site.LatestAsync("ukraine", article.ContentItemId))!;
        Assert.NotEqual(first, latest.ContentItemVersionId);
        Assert.NotEqual(second, latest.ContentItemVersionId);
        Assert.False(latest.Published);
        Assert.Equal(article.DisplayText, latest.DisplayText);
        Assert.Equal(first, (await site.LatestAsync("ukraine", article.ContentItemId, VersionOptions.Published))!.ContentItemVersionId);

        var history = await editor.PageAsync(path);
        Assert.Equal([latest.ContentItemVersionId, second, first], history.QuerySelectorAll("table.versions tbody tr").Select(r => r.GetAttribute("data-version")));
        Assert.Contains("restored", history.QuerySelector("ul.item-events")!.TextContent, StringComparison.Ordinal);

        await using var scope = site.TenantScope("ukraine");
        var restoredEvent = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().AuditTrailEvents
            .SingleAsync(e => e.ContentItemId == article.ContentItemId && e.EventName == "restored");
        Assert.Equal(editor.UserName, restoredEvent.UserName);
        Assert.Equal(latest.ContentItemVersionId, restoredEvent.ContentItemVersionId);
    }

    [Fact]
    public async Task Bad_versions_unknown_items_and_other_peoples_items_are_refused_without_a_change()
    {
        var (article, first, second) = await TwoVersionsAsync();
        using var editor = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Editor);
        var path = $"/admin/content/{article.ContentItemId}/versions";

        using (var badDiff = await editor.GetAsync($"{path}/diff?from=nope&to={second}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badDiff.StatusCode);
            Assert.Contains("Older version", AdminSession.Parse(await badDiff.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }

        using (var missing = await editor.GetAsync($"{path}/diff?from={first}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        }

        using (var badRestore = await editor.PostFormAsync(path + "/restore", [new("version", "not-a-version")], tokenFrom: path))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badRestore.StatusCode);
            Assert.Contains("Version", AdminSession.Parse(await badRestore.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(second, (await site.LatestAsync("ukraine", article.ContentItemId))!.ContentItemVersionId);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/content/no-such-item/versions")).StatusCode);

        using var author = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Author);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync(path)).StatusCode);
        using var denied = await author.PostFormAsync(path + "/restore", [new("version", first)]);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(second, (await site.LatestAsync("ukraine", article.ContentItemId))!.ContentItemVersionId);
    }

    /// <summary>A published first version and a draft second one that changes the title and one paragraph of the body.</summary>
    private async Task<(ContentItem Article, string First, string Second)> TwoVersionsAsync()
    {
        await using var scope = site.TenantScope("ukraine");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var article = Articles.New(AdminContent.Tag("Versioned"), Articles.UniquePath("versioned"), "uk", "ua-person-01");
        article.Content["HtmlBodyPart"]!["Html"] = "<p>Unchanged paragraph</p><p>Old paragraph</p>";
        await content.CreateAsync(article);
        var first = article.ContentItemVersionId;
        var draft = (await content.GetAsync(article.ContentItemId, VersionOptions.Latest))!;
        draft.Content["TitlePart"]!["Title"] = article.DisplayText + " (second)";
        draft.Content["HtmlBodyPart"]!["Html"] = "<p>Unchanged paragraph</p><p>New paragraph</p>";
        await content.UpdateAsync(draft);
        return (article, first, draft.ContentItemVersionId);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteContentVersionsTests(SqliteSite site) : ContentVersionsTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresContentVersionsTests(PostgresSite site) : ContentVersionsTests(site);
