using System.Net;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.ContentEditor;

/// <summary>Two editors on one item: the second save is refused with both versions shown and nothing typed lost.</summary>
public abstract class EditorConflictTests(SiteFixture site)
{
    private const string Tenant = "ukraine";

    [Fact]
    public async Task A_stale_save_gets_the_conflict_page_with_both_versions_and_saving_again_from_it_wins()
    {
        using var first = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Editor);
        using var second = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Editor);
        using var created = await ContentEditorTests.Fill(await EditorForm.OpenAsync(first, "/admin/content/Article/create"), "Спільна стаття", Articles.UniquePath("spilna"))
            .SubmitAsync(first, "publish");
        var id = EditorForm.EditedId(created);

        var mine = await EditorForm.OpenAsync(first, $"/admin/content/{id}/edit");
        var theirs = await EditorForm.OpenAsync(second, $"/admin/content/{id}/edit");
        using (var saved = await mine.Set("Article.Summary", "Версія першого редактора").SubmitAsync(first))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var stale = await theirs.Set("Article.Summary", "Версія другого редактора").SubmitAsync(second);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = AdminSession.Parse(await stale.Content.ReadAsStringAsync());
        var table = page.QuerySelector(".conflict table")!.TextContent;
        Assert.Contains("Версія першого редактора", table, StringComparison.Ordinal);
        Assert.Contains("Версія другого редактора", table, StringComparison.Ordinal);
        Assert.Equal("Версія першого редактора", (await EditorForm.LatestAsync(site, Tenant, id))!.Content["Article"]!["Summary"]!["Text"]!.GetValue<string>());

        // The form kept the second editor's text; sent again (with the stamp of the version now saved) it is saved.
        var again = EditorForm.Read(page);
        Assert.Equal("Версія другого редактора", again.Get("Article.Summary"));
        using var resaved = await again.SubmitAsync(second);
        Assert.Equal(HttpStatusCode.Redirect, resaved.StatusCode);
        Assert.Equal("Версія другого редактора", (await EditorForm.LatestAsync(site, Tenant, id))!.Content["Article"]!["Summary"]!["Text"]!.GetValue<string>());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteEditorConflictTests(SqliteSite site) : EditorConflictTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresEditorConflictTests(PostgresSite site) : EditorConflictTests(site);
