using System.Net;
using MedTour.Cms.Display;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.SiteAdmin;

/// <summary>/admin/templates: overrides of theme views, refused when Liquid does not parse, previewed, with history and revert.</summary>
public abstract class TemplatesAdminTests(SiteFixture site)
{
    private const string Article = "/liver-metastasis";

    [Fact]
    public async Task The_list_shows_the_themes_views_and_which_are_overridden()
    {
        var (_, admin) = await site.NewSiteAsync();
        using (admin)
        {
            var list = await admin.PageAsync("/admin/templates");
            Assert.NotNull(list.QuerySelector("tr[data-view=Content-Article]"));
            Assert.NotNull(list.QuerySelector("tr[data-view=Layout]"));
            Assert.DoesNotContain("Overridden", list.QuerySelector("tr[data-view=Content-Article]")!.TextContent, StringComparison.Ordinal);

            var editor = await admin.PageAsync("/admin/templates/edit?name=Content-Article");
            Assert.Contains("{{", editor.QuerySelector("textarea#content[data-liquid-editor]")!.TextContent, StringComparison.Ordinal);
            await SaveAsync(admin, "Content-Article", "<p>mine</p>");
            Assert.Contains("Overridden", (await admin.PageAsync("/admin/templates")).QuerySelector("tr[data-view=Content-Article]")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_Liquid_parse_error_is_shown_with_its_line_and_column_and_nothing_is_saved()
    {
        var (name, admin) = await site.NewSiteAsync();
        using (admin)
        {
            var source = "<h1>{{ Model.ContentItem.DisplayText }}</h1>\n<p>\n{% if Model.ContentItem %}\n<p>never closed</p>\n{{ Model | }}";
            using var response = await admin.PostFormAsync("/admin/templates/edit", [new("name", "Content-Article"), new("content", source), new("action", "save")], "/admin/templates/edit?name=Content-Article");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = AdminSession.Parse(await response.Content.ReadAsStringAsync());
            var error = page.QuerySelector("#content-error")!.TextContent;
            Assert.Matches(@"line \d+, column \d+", error);
            Assert.Equal(source, page.QuerySelector("textarea#content")!.TextContent.TrimStart('\n'));
            Assert.NotNull(page.QuerySelector("textarea#content")!.GetAttribute("data-error-line"));
            await using var scope = site.TenantScope(name);
            Assert.Null(await scope.ServiceProvider.GetRequiredService<TemplateOverrides>().FindAsync("Content-Article"));
        }
    }

    [Fact]
    public async Task A_saved_template_shows_on_the_public_page_at_once_and_an_older_version_can_be_restored()
    {
        var (name, admin) = await site.NewSiteAsync();
        using (admin)
        {
            using var visitor = site.Client();
            await SaveAsync(admin, "Content-Article", "<article class=\"first\">First {{ Model.ContentItem.DisplayText }}</article>");
            Assert.Contains("class=\"first\"", await visitor.GetStringAsync(new Uri($"/{name}{Article}", UriKind.Relative)), StringComparison.Ordinal);

            await SaveAsync(admin, "Content-Article", "<article class=\"second\">Second</article>");
            Assert.Contains("class=\"second\"", await visitor.GetStringAsync(new Uri($"/{name}{Article}", UriKind.Relative)), StringComparison.Ordinal);

            var editor = await admin.PageAsync("/admin/templates/edit?name=Content-Article");
            Assert.Equal(2, editor.QuerySelectorAll("table tbody tr").Length);
            using var reverted = await admin.PostFormAsync("/admin/templates/revert", [new("name", "Content-Article"), new("version", "1")], "/admin/templates/edit?name=Content-Article");
            Assert.Equal(HttpStatusCode.Redirect, reverted.StatusCode);
            Assert.Contains("class=\"first\"", await visitor.GetStringAsync(new Uri($"/{name}{Article}", UriKind.Relative)), StringComparison.Ordinal);

            using var removed = await admin.PostFormAsync("/admin/templates/remove", [new("name", "Content-Article")], "/admin/templates/edit?name=Content-Article");
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
            Assert.DoesNotContain("class=\"first\"", await visitor.GetStringAsync(new Uri($"/{name}{Article}", UriKind.Relative)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_preview_renders_the_chosen_item_with_the_unsaved_source_and_saves_nothing()
    {
        var (name, admin) = await site.NewSiteAsync();
        using (admin)
        {
            var editor = await admin.PageAsync("/admin/templates/edit?name=Content-Article");
            Assert.NotNull(editor.QuerySelector("select#item option[value=eu-article-liver-metastasis]"));
            using var preview = await admin.PostFormAsync("/admin/templates/edit",
                [new("name", "Content-Article"), new("content", "<div class=\"previewed\">{{ Model.ContentItem.DisplayText }}</div>"), new("item", "eu-article-liver-metastasis"), new("action", "preview")],
                "/admin/templates/edit?name=Content-Article");
            var html = await preview.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            Assert.Contains("class=\"previewed\"", html, StringComparison.Ordinal);
            Assert.Contains("<html", html, StringComparison.Ordinal);

            using var visitor = site.Client();
            Assert.DoesNotContain("previewed", await visitor.GetStringAsync(new Uri($"/{name}{Article}", UriKind.Relative)), StringComparison.Ordinal);
            using var noItem = await admin.PostFormAsync("/admin/templates/edit", [new("name", "Content-Article"), new("content", "<p></p>"), new("action", "preview")], "/admin/templates/edit?name=Content-Article");
            Assert.Equal(HttpStatusCode.BadRequest, noItem.StatusCode);
        }
    }

    [Fact]
    public async Task Only_those_who_manage_templates_open_the_editor_and_view_names_cannot_climb_out()
    {
        using var author = await site.SignInAsNewUserAsync("europe", DefaultRoles.Author);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync("/admin/templates")).StatusCode);
        using var post = await author.PostFormAsync("/admin/templates/edit", [new("name", "Layout"), new("content", "hacked"), new("action", "save")]);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);

        using var admin = await site.SignInAsync("europe", "admin", CmsAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/templates/edit?name=../../etc/passwd")).StatusCode);
    }

    private static async Task SaveAsync(AdminSession admin, string view, string content)
    {
        using var response = await admin.PostFormAsync("/admin/templates/edit", [new("name", view), new("content", content), new("action", "save")], "/admin/templates/edit?name=" + view);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTemplatesAdminTests(SqliteSite site) : TemplatesAdminTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresTemplatesAdminTests(PostgresSite site) : TemplatesAdminTests(site);
