using System.Net;
using AngleSharp.Html.Dom;
using MedTour.Cms.Content;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.ContentList;

/// <summary>The admin's content list: filters, sorts, paging, what each role sees, and bad query values.</summary>
public abstract class ContentListTests(SiteFixture site)
{
    [Fact]
    public async Task Filters_by_type_status_culture_author_and_text()
    {
        var tag = AdminContent.Tag("Filterable");
        var draft = await site.ArticleAsync("ukraine", tag + " draft", "uk", owner: "someone-else");
        var published = await site.ArticleAsync("ukraine", tag + " published", "ru", published: true);
        var edited = await site.ArticleAsync("ukraine", tag + " edited", "uk", published: true);
        await using (var scope = site.TenantScope("ukraine"))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var latest = (await content.GetAsync(edited.ContentItemId, VersionOptions.Latest))!;
            latest.Content["TitlePart"]!["Title"] = tag + " edited again";
            await content.UpdateAsync(latest);
        }

        using var admin = await site.SignInAsync("ukraine", "admin", CmsAppFactory.AdminPassword);
        Assert.Equal([draft.ContentItemId, edited.ContentItemId, published.ContentItemId], Ids(await admin.PageAsync($"/admin/content?text={Uri.EscapeDataString(tag)}&sort=title&dir=asc")));
        Assert.Equal([draft.ContentItemId, edited.ContentItemId], Ids(await admin.PageAsync(List(tag, "status=draft&sort=title&dir=asc"))));
        Assert.Equal([edited.ContentItemId, published.ContentItemId], Ids(await admin.PageAsync(List(tag, "status=published&sort=title&dir=asc"))));
        Assert.Empty(Ids(await admin.PageAsync(List(tag, "status=scheduled"))));
        Assert.Equal([published.ContentItemId], Ids(await admin.PageAsync(List(tag, "culture=ru"))));
        Assert.Equal([draft.ContentItemId], Ids(await admin.PageAsync(List(tag, "author=someone-else"))));
        Assert.Equal(3, Ids(await admin.PageAsync(List(tag, "type=Article"))).Count);
        Assert.Empty(Ids(await admin.PageAsync(List(tag, "type=Clinic"))));
        Assert.Equal([draft.ContentItemId], Ids(await admin.PageAsync(List(tag.ToUpperInvariant() + " DRAFT", "status=draft"))));

        var page = await admin.PageAsync(List(tag, "status=draft"));
        var editedRow = page.QuerySelector($"tr[data-id='{edited.ContentItemId}']")!;
        Assert.Contains("Published version exists", editedRow.TextContent, StringComparison.Ordinal);
        Assert.NotNull(editedRow.QuerySelector($"a[href='/ua/admin/content/{edited.ContentItemId}/edit']"));
        Assert.NotNull(editedRow.QuerySelector($"a[href='/ua/admin/content/{edited.ContentItemId}/versions']"));
    }

    [Fact]
    public async Task Sorts_by_title_modified_and_published_and_pages_twenty_at_a_time()
    {
        var tag = AdminContent.Tag("Sortable");
        var made = new List<ContentItem>();
        for (var i = 0; i < 22; i++)
        {
            // Letters out of creation order, so that title order and modified order differ.
            made.Add(await site.ArticleAsync("ukraine", $"{tag} {(char)('a' + (i * 7 % 22))}", "uk", published: i % 2 == 0));
        }

        using var admin = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Editor);
        var byTitle = made.OrderBy(m => m.DisplayText, StringComparer.Ordinal).Select(m => m.ContentItemId).ToList();
        var first = await admin.PageAsync(List(tag, "sort=title&dir=asc"));
        Assert.Equal(byTitle.Take(20), Ids(first));
        Assert.Contains("22 items", first.QuerySelector("#content-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(byTitle.Skip(20), Ids(await admin.PageAsync(List(tag, "sort=title&dir=asc&page=2"))));
        Assert.Equal(byTitle.AsEnumerable().Reverse().Take(20), Ids(await admin.PageAsync(List(tag, "sort=title&dir=desc"))));

        var newestFirst = made.AsEnumerable().Reverse().Select(m => m.ContentItemId).ToList();
        Assert.Equal(newestFirst.Take(20), Ids(await admin.PageAsync(List(tag, string.Empty))));
        Assert.Equal(made.Select(m => m.ContentItemId).Take(20), Ids(await admin.PageAsync(List(tag, "sort=modified&dir=asc"))));
        // Never-published drafts sort where the database puts no value (last on SQLite, first on PostgreSQL): only
        // the published ones' order is asserted.
        var publishedIds = made.Where((_, i) => i % 2 == 0).Select(m => m.ContentItemId).ToList();
        var all = Ids(await admin.PageAsync(List(tag, "sort=published&dir=desc"))).Concat(Ids(await admin.PageAsync(List(tag, "sort=published&dir=desc&page=2"))));
        Assert.Equal(publishedIds.AsEnumerable().Reverse(), all.Where(publishedIds.Contains));

        var beyond = await admin.PageAsync(List(tag, "page=99"));
        Assert.Empty(Ids(beyond));
        Assert.Contains("No items match", beyond.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(beyond.QuerySelector("a[rel=prev]"));
    }

    [Fact]
    public async Task An_author_sees_own_drafts_and_published_items_but_not_the_drafts_of_others()
    {
        var tag = AdminContent.Tag("Visible");
        using var author = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Author);
        var own = await site.ArticleAsync("ukraine", tag + " own draft", "uk", owner: author.UserName);
        var others = await site.ArticleAsync("ukraine", tag + " other draft", "uk", owner: "another-author");
        var published = await site.ArticleAsync("ukraine", tag + " published", "uk", owner: "another-author", published: true);

        var ids = Ids(await author.PageAsync(List(tag, "sort=title&dir=asc")));
        Assert.Equal([own.ContentItemId, published.ContentItemId], ids);
        Assert.DoesNotContain(others.ContentItemId, ids);

        using var coordinator = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Coordinator);
        // No content permission, no content list.
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync(List(tag, string.Empty))).StatusCode);
    }

    [Theory]
    [InlineData("type=Nope", "type")]
    [InlineData("status=archived", "Status")]
    [InlineData("status=1", "Status")]
    [InlineData("culture=de", "Culture")]
    [InlineData("sort=size", "Sort")]
    [InlineData("dir=up", "Direction")]
    [InlineData("page=0", "Page")]
    [InlineData("page=abc", "Page")]
    public async Task A_query_value_that_names_nothing_is_a_400_naming_the_field(string query, string field)
    {
        using var admin = await site.SignInAsync("ukraine", "admin", CmsAppFactory.AdminPassword);
        using var response = await admin.GetAsync("/admin/content?" + query);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var summary = AdminSession.Parse(html).QuerySelector(".error-summary");
        Assert.NotNull(summary);
        Assert.Contains(field, summary.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    internal static string List(string tag, string query) =>
        $"/admin/content?text={Uri.EscapeDataString(tag)}" + (query.Length > 0 ? "&" + query : string.Empty);

    internal static List<string> Ids(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table.content-list tbody tr").Select(r => r.GetAttribute("data-id")!)];
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteContentListTests(SqliteSite site) : ContentListTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresContentListTests(PostgresSite site) : ContentListTests(site);
