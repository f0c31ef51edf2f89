using System.Net;
using MedTour.Cms.Content;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.ContentList;

/// <summary>Bulk publish, unpublish and delete: a confirmation step first, then each item checked against the user's permissions.</summary>
public abstract class BulkActionTests(SiteFixture site)
{
    [Fact]
    public async Task A_bulk_publish_asks_for_confirmation_and_changes_nothing_until_confirmed()
    {
        var tag = AdminContent.Tag("Bulk");
        var one = await site.ArticleAsync("ukraine", tag + " one", "uk");
        var two = await site.ArticleAsync("ukraine", tag + " two", "ru");
        using var editor = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Editor);
        var list = ContentListTests.List(tag, string.Empty);
        KeyValuePair<string, string>[] fields = [new("action", "publish"), new("ids", one.ContentItemId), new("ids", two.ContentItemId), new("returnUrl", list)];

        using (var confirm = await editor.PostFormAsync("/admin/content/bulk", fields, tokenFrom: list))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
            var page = AdminSession.Parse(await confirm.Content.ReadAsStringAsync());
            Assert.Equal(2, page.QuerySelectorAll("ul.bulk-allowed li").Length);
            Assert.NotNull(page.QuerySelector("form[action='/ua/admin/content/bulk/run'] input[name=confirmed]"));
        }

        Assert.Null(await site.LatestAsync("ukraine", one.ContentItemId, VersionOptions.Published));

        using (var unconfirmed = await editor.PostFormAsync("/admin/content/bulk/run", fields, tokenFrom: list))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
            Assert.Contains("Confirm", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Null(await site.LatestAsync("ukraine", one.ContentItemId, VersionOptions.Published));

        using (var run = await editor.PostFormAsync("/admin/content/bulk/run", [.. fields, new("confirmed", "yes")], tokenFrom: list))
        {
            Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
            Assert.Equal("/ua" + list, run.Headers.Location!.OriginalString);
        }

        Assert.NotNull(await site.LatestAsync("ukraine", one.ContentItemId, VersionOptions.Published));
        Assert.NotNull(await site.LatestAsync("ukraine", two.ContentItemId, VersionOptions.Published));
        var after = await editor.PageAsync(list);
        Assert.Contains("Published 2 items.", after.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);

        using var unpublish = await editor.PostFormAsync("/admin/content/bulk/run",
            [new("action", "unpublish"), new("ids", two.ContentItemId), new("confirmed", "yes"), new("returnUrl", list)], tokenFrom: list);
        Assert.Equal(HttpStatusCode.Redirect, unpublish.StatusCode);
        Assert.Null(await site.LatestAsync("ukraine", two.ContentItemId, VersionOptions.Published));
        Assert.NotNull(await site.LatestAsync("ukraine", one.ContentItemId, VersionOptions.Published));

        using var delete = await editor.PostFormAsync("/admin/content/bulk/run",
            [new("action", "delete"), new("ids", two.ContentItemId), new("confirmed", "yes"), new("returnUrl", "https://evil.example/")], tokenFrom: list);
        Assert.Equal("/ua/admin/content", delete.Headers.Location!.OriginalString);
        Assert.Null(await site.LatestAsync("ukraine", two.ContentItemId));
    }

    [Fact]
    public async Task Items_the_user_may_not_change_are_listed_as_refused_and_left_alone()
    {
        var tag = AdminContent.Tag("Refused");
        using var author = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Author);
        var own = await site.ArticleAsync("ukraine", tag + " own", "uk", owner: author.UserName);
        var list = ContentListTests.List(tag, string.Empty);
        KeyValuePair<string, string>[] fields = [new("action", "publish"), new("ids", own.ContentItemId), new("returnUrl", list)];

        using (var confirm = await author.PostFormAsync("/admin/content/bulk", fields, tokenFrom: list))
        {
            var page = AdminSession.Parse(await confirm.Content.ReadAsStringAsync());
            Assert.Empty(page.QuerySelectorAll("ul.bulk-allowed li"));
            Assert.Single(page.QuerySelectorAll("ul.bulk-refused li"));
        }

        using var run = await author.PostFormAsync("/admin/content/bulk/run", [.. fields, new("confirmed", "yes")], tokenFrom: list);
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        Assert.Null(await site.LatestAsync("ukraine", own.ContentItemId, VersionOptions.Published));
        Assert.Contains("1 items were not changed", (await author.PageAsync(list)).QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);

        // A medical editor may publish articles but not delete them.
        using var medical = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.MedicalEditor);
        using var delete = await medical.PostFormAsync("/admin/content/bulk/run",
            [new("action", "delete"), new("ids", own.ContentItemId), new("confirmed", "yes"), new("returnUrl", list)], tokenFrom: list);
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.NotNull(await site.LatestAsync("ukraine", own.ContentItemId));
    }

    [Theory]
    [InlineData("archive", true, "Action")]
    [InlineData("publish", false, "Items")]
    public async Task A_bulk_post_without_a_known_action_or_any_item_is_a_400_naming_it(string action, bool withItem, string field)
    {
        var item = await site.ArticleAsync("ukraine", AdminContent.Tag("Bad bulk"), "uk");
        using var editor = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Editor);
        List<KeyValuePair<string, string>> fields = [new("action", action), new("confirmed", "yes")];
        if (withItem)
        {
            fields.Add(new("ids", item.ContentItemId));
        }

        foreach (var path in new[] { "/admin/content/bulk", "/admin/content/bulk/run" })
        {
            using var response = await editor.PostFormAsync(path, fields);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, AdminSession.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }

        Assert.NotNull(await site.LatestAsync("ukraine", item.ContentItemId));
        Assert.Null(await site.LatestAsync("ukraine", item.ContentItemId, VersionOptions.Published));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteBulkActionTests(SqliteSite site) : BulkActionTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresBulkActionTests(PostgresSite site) : BulkActionTests(site);
