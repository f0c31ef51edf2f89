using System.Net;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.ContentEditor;

/// <summary>A draft shown in the public theme at a private admin URL, to those who may preview it only.</summary>
public abstract class EditorPreviewTests(SiteFixture site)
{
    private const string Tenant = "ukraine";

    [Fact]
    public async Task A_draft_is_previewed_in_the_theme_never_cached_or_indexed_and_only_by_those_who_may()
    {
        using var author = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Author);
        var title = "Попередній перегляд " + Guid.NewGuid().ToString("N")[..6];
        var path = Articles.UniquePath("pereglyad");
        var id = EditorForm.EditedId(await ContentEditorTests.Fill(await EditorForm.OpenAsync(author, "/admin/content/Article/create"), title, path).SubmitAsync(author));

        using var preview = await author.GetAsync($"/admin/content/{id}/preview");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains("Короткий опис статті.", html, StringComparison.Ordinal);
        Assert.True(preview.Headers.CacheControl?.NoStore, preview.Headers.CacheControl?.ToString());
        Assert.Contains("noindex", string.Join(",", preview.Headers.GetValues("X-Robots-Tag")), StringComparison.Ordinal);
        Assert.Contains("noindex", AdminSession.Parse(html).QuerySelector("meta[name=robots]")?.GetAttribute("content") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync(new Uri("/ua/" + path, UriKind.Relative))).StatusCode);

        using var medical = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.MedicalEditor);
        Assert.Equal(HttpStatusCode.OK, (await medical.GetAsync($"/admin/content/{id}/preview")).StatusCode);
        using var coordinator = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Coordinator);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"/admin/content/{id}/preview")).StatusCode);
        using var anonymous = await site.Client().GetAsync(new Uri($"/ua/admin/content/{id}/preview", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_author_previews_and_picks_own_drafts_only_an_editor_sees_everyones()
    {
        using var author = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Author);
        var title = "Чернетка автора " + Guid.NewGuid().ToString("N")[..8];
        var id = EditorForm.EditedId(await ContentEditorTests.Fill(await EditorForm.OpenAsync(author, "/admin/content/Article/create"), title,
            Articles.UniquePath("chernetka")).SubmitAsync(author));
        var marker = title[^8..];

        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync($"/admin/content/{id}/preview")).StatusCode);
        Assert.Contains(title, await ContentEditorTests.Search(author, marker, "Article"), StringComparison.Ordinal);

        // Another author holds PreviewOwnContent, not PreviewContent: neither the draft nor its title.
        using var otherAuthor = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Author);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAuthor.GetAsync($"/admin/content/{id}/preview")).StatusCode);
        var picked = await ContentEditorTests.Search(otherAuthor, marker, "Article");
        Assert.DoesNotContain(marker, picked, StringComparison.Ordinal);
        Assert.DoesNotContain(id, picked, StringComparison.Ordinal);

        using var editor = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/admin/content/{id}/preview")).StatusCode);
        Assert.Contains(title, await ContentEditorTests.Search(editor, marker, "Article"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_has_no_content_menu_item_and_no_content_page()
    {
        using var coordinator = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Coordinator);
        var dashboard = await coordinator.PageAsync("/admin");
        Assert.Null(dashboard.QuerySelector("a[href='/ua/admin/content']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/admin/content")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/admin/content/picker?q=a")).StatusCode);

        using var author = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Author);
        Assert.NotNull((await author.PageAsync("/admin")).QuerySelector("a[href='/ua/admin/content']"));
    }

    [Fact]
    public async Task The_markdown_preview_is_sanitized_and_the_path_preview_follows_the_types_pattern()
    {
        using var author = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Author);
        using var markdown = await author.PostFormAsync("/admin/content/markdown-preview", [new("markdown", "**Жирний** <script>alert(1)</script>")]);
        Assert.Equal(HttpStatusCode.OK, markdown.StatusCode);
        var html = await markdown.Content.ReadAsStringAsync();
        Assert.Contains("<strong>Жирний</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);

        using var path = await author.GetAsync("/admin/content/Article/path-preview?title=Metastazy%20v%20pechintsi&culture=uk");
        Assert.Equal(HttpStatusCode.OK, path.StatusCode);
        // The recipe's article already has this path, so the preview shows the unique one a save would take.
        Assert.Contains("\"metastazy-v-pechintsi-2\"", await path.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteEditorPreviewTests(SqliteSite site) : EditorPreviewTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresEditorPreviewTests(PostgresSite site) : EditorPreviewTests(site);
