using System.Net;
using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.ContentEditor;

/// <summary>Creating and editing articles in the admin: what is stored, who may publish, and what the public site shows.</summary>
public abstract class ContentEditorTests(SiteFixture site)
{
    private const string Tenant = "ukraine";

    [Fact]
    public async Task An_author_creates_a_Ukrainian_article_draft_with_pickers_a_term_and_media_and_its_public_url_is_404()
    {
        using var author = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Author);
        var form = await EditorForm.OpenAsync(author, "/admin/content/Article/create");
        Assert.Null(form.Page.QuerySelector("button[value=publish]"));
        Assert.NotNull(form.Page.QuerySelector("textarea[data-rich-text]#HtmlBodyPart\\.Html"));
        Assert.NotNull(form.Page.QuerySelector("input[type=date]#Article\\.LastReviewed"));
        Assert.Contains(form.Page.QuerySelectorAll("input[name='Article.Conditions']"), c => c.GetAttribute("value") == "term-condition-liver-metastasis");

        var path = Articles.UniquePath("chernetka");
        using var response = await Fill(form, "Метастази: чернетка", path)
            .Set("HtmlBodyPart.Html", "<p>Текст</p><script>alert(1)</script><img src=x onerror=alert(2)>")
            .SubmitAsync(author);
        var id = EditorForm.EditedId(response);

        var item = await EditorForm.LatestAsync(site, Tenant, id);
        Assert.NotNull(item);
        Assert.False(item.Published);
        Assert.Equal(author.UserName, item.Owner);
        Assert.Equal("Метастази: чернетка", item.DisplayText);
        Assert.Equal("uk", item.Content["LocalizationPart"]!["Culture"]!.GetValue<string>());
        Assert.Equal(path, item.Content["AutoroutePart"]!["Path"]!.GetValue<string>());
        var article = item.Content["Article"]!;
        Assert.Equal(["ua-person-01"], Strings(article["MedicalAuthor"]!["ContentItemIds"]));
        Assert.Equal(["ua-person-02"], Strings(article["MedicalEditor"]!["ContentItemIds"]));
        Assert.Equal(["term-condition-liver-metastasis"], Strings(article["Conditions"]!["TermContentItemIds"]));
        Assert.Equal("taxonomy-conditions", article["Conditions"]!["TaxonomyContentItemId"]!.GetValue<string>());
        Assert.Equal("2026-11-30T00:00:00Z", article["LastReviewed"]!["Value"]!.GetValue<string>());
        Assert.Equal(["articles/liver-metastasis.svg"], Strings(article["HeroImage"]!["Paths"]));
        Assert.Equal(["Схема печінки"], Strings(article["HeroImage"]!["MediaTexts"]));
        var html = item.Content["HtmlBodyPart"]!["Html"]!.GetValue<string>();
        Assert.Contains("<p>Текст</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync(new Uri("/ua/" + path, UriKind.Relative))).StatusCode);
        // The edit page shows what was saved, and still no publish button for an author.
        var edit = await EditorForm.OpenAsync(author, $"/admin/content/{id}/edit");
        Assert.Equal("Метастази: чернетка", edit.Get("TitlePart.Title"));
        Assert.Equal("ua-person-01", edit.Get("Article.MedicalAuthor"));
        Assert.Null(edit.Page.QuerySelector("button[value=publish]"));
    }

    [Fact]
    public async Task An_author_cannot_publish_the_button_is_absent_and_the_posts_answer_403_with_nothing_saved()
    {
        using var author = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Author);
        var title = "Not published " + Guid.NewGuid().ToString("N")[..6];
        var form = await EditorForm.OpenAsync(author, "/admin/content/Article/create");
        using (var denied = await Fill(form, title, Articles.UniquePath("np")).SubmitAsync(author, "publish"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        using var saved = await form.SubmitAsync(author, "save");
        var id = EditorForm.EditedId(saved);
        var edit = await EditorForm.OpenAsync(author, $"/admin/content/{id}/edit");
        using (var denied = await edit.SubmitAsync(author, "publish"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        Assert.Null(await EditorForm.LatestAsync(site, Tenant, id, VersionOptions.Published));
        using var unpublish = await author.PostFormAsync($"/admin/content/{id}/unpublish", [], $"/admin/content/{id}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, unpublish.StatusCode);
        using var delete = await author.PostFormAsync($"/admin/content/{id}/delete", [new("confirm", "yes")], $"/admin/content/{id}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.NotNull(await EditorForm.LatestAsync(site, Tenant, id));
    }

    [Fact]
    public async Task An_author_edits_only_own_items_a_medical_editor_publishes_articles_and_the_public_page_shows_it_at_once()
    {
        using var author = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Author);
        var path = Articles.UniquePath("publikatsiia");
        using var created = await Fill(await EditorForm.OpenAsync(author, "/admin/content/Article/create"), "Стаття для публікації", path).SubmitAsync(author);
        var id = EditorForm.EditedId(created);

        using var otherAuthor = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Author);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAuthor.GetAsync($"/admin/content/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAuthor.GetAsync("/admin/content/ua-article-liver-uk/edit")).StatusCode);

        using var medical = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.MedicalEditor);
        var edit = await EditorForm.OpenAsync(medical, $"/admin/content/{id}/edit");
        Assert.NotNull(edit.Page.QuerySelector("button[value=publish]"));
        using (var published = await edit.Set("Article.LastReviewed", "2026-12-01").SubmitAsync(medical, "publish"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        using var page = await site.Client().GetAsync(new Uri("/ua/" + path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Стаття для публікації", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Publish_Article only: a clinic's editor offers no publish button, and its publish post is refused.
        var clinic = await EditorForm.OpenAsync(medical, "/admin/content/Clinic/create");
        Assert.Null(clinic.Page.QuerySelector("button[value=publish]"));
        using var editor = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Editor);
        Assert.NotNull((await EditorForm.OpenAsync(editor, "/admin/content/Clinic/create")).Page.QuerySelector("button[value=publish]"));
    }

    [Fact]
    public async Task A_coordinator_opens_no_editor_nor_picker_and_a_draft_is_picked_by_those_who_may_preview_it()
    {
        using var author = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Author);
        var secret = "Draft-secret " + Guid.NewGuid().ToString("N")[..8];
        using var created = await Fill(await EditorForm.OpenAsync(author, "/admin/content/Article/create"), secret, Articles.UniquePath("secret")).SubmitAsync(author);
        EditorForm.EditedId(created);

        using var coordinator = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Coordinator);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/admin/content/Article/create")).StatusCode);
        // The content areas need some content permission: a Coordinator holds none.
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/admin/content/picker?q=Draft-secret&types=Article")).StatusCode);
        using var otherAuthor = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Author);
        Assert.DoesNotContain(secret, await Search(otherAuthor, "Draft-secret", "Article"), StringComparison.Ordinal);
        Assert.Contains("Ірина Коваленко", await Search(otherAuthor, "Ірина", "Person"), StringComparison.Ordinal);

        using var editor = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Editor);
        Assert.Contains(secret, await Search(editor, "Draft-secret", "Article"), StringComparison.Ordinal);
        Assert.Contains(secret, await Search(author, "Draft-secret", "Article"), StringComparison.Ordinal);
        // The type restriction holds: people are not found among clinics.
        Assert.DoesNotContain("Ірина Коваленко", await Search(editor, "Ірина", "Clinic"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_unpublishes_discards_a_draft_clones_and_deletes_after_confirmation()
    {
        using var editor = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Editor);
        var path = Articles.UniquePath("dii");
        using var created = await Fill(await EditorForm.OpenAsync(editor, "/admin/content/Article/create"), "Дії над статтею", path).SubmitAsync(editor, "publish");
        var id = EditorForm.EditedId(created);
        Assert.True((await EditorForm.LatestAsync(site, Tenant, id))!.Published);

        // A draft beside the published version, then discarded: the published text is the latest again.
        using (var draft = await (await EditorForm.OpenAsync(editor, $"/admin/content/{id}/edit")).Set("TitlePart.Title", "Чернетка змін").SubmitAsync(editor))
        {
            Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        }

        Assert.Equal("Чернетка змін", (await EditorForm.LatestAsync(site, Tenant, id))!.DisplayText);
        using (var discard = await editor.PostFormAsync($"/admin/content/{id}/discard", [], $"/admin/content/{id}/edit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, discard.StatusCode);
        }

        var latest = (await EditorForm.LatestAsync(site, Tenant, id))!;
        Assert.Equal("Дії над статтею", latest.DisplayText);
        Assert.True(latest.Published);

        using (var clone = await editor.PostFormAsync($"/admin/content/{id}/clone", [], $"/admin/content/{id}/edit"))
        {
            var cloneId = EditorForm.EditedId(clone);
            var copy = (await EditorForm.LatestAsync(site, Tenant, cloneId))!;
            Assert.False(copy.Published);
            Assert.Equal("Дії над статтею", copy.DisplayText);
            Assert.NotEqual(path, copy.Content["AutoroutePart"]!["Path"]!.GetValue<string>());
        }

        using (var unpublish = await editor.PostFormAsync($"/admin/content/{id}/unpublish", [], $"/admin/content/{id}/edit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, unpublish.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync(new Uri("/ua/" + path, UriKind.Relative))).StatusCode);
        Assert.Contains("confirm", (await editor.PageAsync($"/admin/content/{id}/delete")).QuerySelector("form input[type=hidden][name=confirm]")!.OuterHtml, StringComparison.Ordinal);
        using (var unconfirmed = await editor.PostFormAsync($"/admin/content/{id}/delete", [], $"/admin/content/{id}/delete"))
        {
            Assert.Equal(HttpStatusCode.Redirect, unconfirmed.StatusCode);
            Assert.NotNull(await EditorForm.LatestAsync(site, Tenant, id));
        }

        using (var deleted = await editor.PostFormAsync($"/admin/content/{id}/delete", [new("confirm", "yes")], $"/admin/content/{id}/delete"))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.Null(await EditorForm.LatestAsync(site, Tenant, id));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/content/{id}/edit")).StatusCode);
    }

    [Fact]
    public async Task A_new_term_typed_in_is_created_in_its_taxonomy_and_picked()
    {
        using var editor = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Editor);
        var term = "Нова хвороба " + Guid.NewGuid().ToString("N")[..6];
        var form = Fill(await EditorForm.OpenAsync(editor, "/admin/content/Article/create"), "Стаття з новим терміном", Articles.UniquePath("termin"))
            .Set("Article.Conditions.New", term);
        var id = EditorForm.EditedId(await form.SubmitAsync(editor));

        var taxonomy = (await EditorForm.LatestAsync(site, Tenant, "taxonomy-conditions", VersionOptions.Published))!;
        var created = taxonomy.Content["TaxonomyPart"]!["Terms"]!.AsArray().Single(t => t!["DisplayText"]!.GetValue<string>() == term)!;
        var picked = Strings((await EditorForm.LatestAsync(site, Tenant, id))!.Content["Article"]!["Conditions"]!["TermContentItemIds"]);
        Assert.Equal(["term-condition-liver-metastasis", created["ContentItemId"]!.GetValue<string>()], picked);
        using var termPage = await site.Client().GetAsync(new Uri("/ua/" + created["AutoroutePart"]!["Path"]!.GetValue<string>(), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, termPage.StatusCode);
    }

    /// <summary>The article's inputs filled as an author would, in Ukrainian.</summary>
    internal static EditorForm Fill(EditorForm form, string title, string path) => form
        .Set("TitlePart.Title", title)
        .Set("AutoroutePart.Path", path)
        .Set("LocalizationPart.Culture", "uk")
        .Set("Article.Summary", "Короткий опис статті.")
        .Set("Article.MedicalAuthor", "ua-person-01")
        .Set("Article.MedicalEditor", "ua-person-02")
        .Set("Article.LastReviewed", "2026-11-30")
        .Set("Article.Conditions", "term-condition-liver-metastasis")
        .Set("Article.HeroImage", "articles/liver-metastasis.svg")
        .Set("Article.HeroImage.MediaTexts", "Схема печінки")
        .Set("HtmlBodyPart.Html", "<p>Текст статті.</p>");

    internal static async Task<string> Search(AdminSession session, string q, string types)
    {
        using var response = await session.GetAsync($"/admin/content/picker?q={Uri.EscapeDataString(q)}&types={types}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    internal static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(v => v!.GetValue<string>())];
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteContentEditorTests(SqliteSite site) : ContentEditorTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresContentEditorTests(PostgresSite site) : ContentEditorTests(site);
