using System.Net;
using MedTour.Cms.Content;
using MedTour.Cms.Data;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.ContentEditor;

/// <summary>What the editor refuses: a message next to each field, the page again with 400 and everything typed, nothing saved.</summary>
public abstract class EditorBadInputTests(SiteFixture site)
{
    private const string Tenant = "ukraine";

    [Fact]
    public async Task Missing_and_wrong_type_picks_an_impossible_date_and_a_taken_path_are_named_next_to_their_fields_and_nothing_is_saved()
    {
        using var editor = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Editor);
        var title = "<script>alert('x')</script> Погана стаття " + Guid.NewGuid().ToString("N")[..6];
        var before = await CountAsync();
        var form = ContentEditorTests.Fill(await EditorForm.OpenAsync(editor, "/admin/content/Article/create"), title, "metastazy-v-pechintsi")
            .Set("Article.MedicalAuthor", "no-such-item")
            .Set("Article.MedicalEditor", "ua-clinic-bosphorus")
            .Set("Article.LastReviewed", "2026-02-30")
            .Set("Article.Conditions", "term-country-turkey")
            .Set("Article.HeroImage", "../../etc/passwd");
        using var response = await form.SubmitAsync(editor, "publish");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = AdminSession.Parse(await response.Content.ReadAsStringAsync());
        foreach (var field in new[] { "Article.MedicalAuthor", "Article.MedicalEditor", "Article.LastReviewed", "Article.Conditions", "Article.HeroImage" })
        {
            Assert.False(page.GetElementById(field + "-error") is null, $"no message next to {field}:\n{page.QuerySelector(".error-summary")?.TextContent}");
        }

        Assert.NotNull(page.QuerySelector(".error-summary[role=alert]"));
        // Everything typed is there again, the script as text only.
        var again = EditorForm.Read(page);
        Assert.Equal(title, again.Get("TitlePart.Title"));
        Assert.Equal("2026-02-30", again.Get("Article.LastReviewed"));
        Assert.Equal("no-such-item", again.Get("Article.MedicalAuthor"));
        Assert.DoesNotContain("<script>alert('x')", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());

        // The references fixed, the path that another article has is still refused, by the content rules.
        using var taken = await again
            .Set("Article.MedicalAuthor", "ua-person-01").Set("Article.MedicalEditor", "ua-person-02").Set("Article.LastReviewed", "2026-02-28")
            .Set("Article.Conditions", "term-condition-liver-metastasis").Set("Article.HeroImage", "articles/liver-metastasis.svg")
            .SubmitAsync(editor, "publish");
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        var takenPage = AdminSession.Parse(await taken.Content.ReadAsStringAsync());
        Assert.Contains("metastazy-v-pechintsi", takenPage.GetElementById("AutoroutePart.Path-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());

        // Then it saves, and the title is stored as typed and shown encoded.
        using var saved = await EditorForm.Read(takenPage).Set("AutoroutePart.Path", Articles.UniquePath("bad-title")).SubmitAsync(editor);
        var id = EditorForm.EditedId(saved);
        Assert.Equal(title, (await EditorForm.LatestAsync(site, Tenant, id))!.DisplayText);
        var html = await (await editor.GetAsync($"/admin/content/{id}/edit")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert('x')", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_required_field_left_empty_and_an_unknown_item_or_type_answer_400_and_404_never_500()
    {
        using var editor = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Editor);
        var form = ContentEditorTests.Fill(await EditorForm.OpenAsync(editor, "/admin/content/Article/create"), "", Articles.UniquePath("empty"))
            .Set("Article.Summary", "").Set("Article.MedicalAuthor", "");
        using var response = await form.SubmitAsync(editor);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = AdminSession.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.GetElementById("TitlePart.Title-error"));
        Assert.NotNull(page.GetElementById("Article.Summary-error"));
        Assert.NotNull(page.GetElementById("Article.MedicalAuthor-error"));

        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/content/NoSuchType/create")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/content/Condition/create")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/content/no-such-item/edit")).StatusCode);
        using var post = await editor.PostFormAsync("/admin/content/no-such-item/edit", [new("TitlePart.Title", "x")]);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        using var noToken = await editor.Client.PostAsync(new Uri("/ua/admin/content/Article/create", UriKind.Relative), new FormUrlEncodedContent([new("TitlePart.Title", "x")]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = site.TenantScope(Tenant);
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().ContentItems.CountAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteEditorBadInputTests(SqliteSite site) : EditorBadInputTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresEditorBadInputTests(PostgresSite site) : EditorBadInputTests(site);
