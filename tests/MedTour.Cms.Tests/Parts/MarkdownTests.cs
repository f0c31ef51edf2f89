using System.Net;
using System.Text.Json.Nodes;
using MedTour.Cms.Recipes;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Tests.Site;

namespace MedTour.Cms.Tests.Parts;

/// <summary>MarkdownBodyPart and MarkdownField are rendered with Markdig and sanitized wherever bodies are shown.</summary>
public abstract class MarkdownTests(SiteFixture site)
{
    [Fact]
    public async Task Markdown_bodies_and_fields_render_as_sanitized_html_in_the_generic_view()
    {
        var tenant = await BlogRecipe.NewTenantAsync(site);
        try
        {
            var post = await site.GetAsync($"/{tenant}/field-notes/dawn-chorus");
            Assert.Equal(HttpStatusCode.OK, post.Status);
            var body = post.Document.QuerySelector("main .prose.markdown");
            Assert.NotNull(body);
            Assert.Equal("Sightings", body.QuerySelector("h2")?.TextContent);
            // A pipe table (Markdig's advanced extensions).
            Assert.Equal("Wren", body.QuerySelector("table td")?.TextContent);
            Assert.NotNull(body.QuerySelector("img"));
            Assert.Null(post.Document.QuerySelector("main [onerror]"));
            Assert.Null(post.Document.QuerySelector("main script"));
            // The type's own fields: a TextField as text, a MarkdownField as HTML.
            Assert.Equal("Walk number 1", post.Document.QuerySelector("main section.field-subtitle p")?.TextContent);
            Assert.Equal("short", post.Document.QuerySelector("main section.field-teaser em")?.TextContent);
            // The container, through the container filter; it is the home page (the recipe's HomeRoute), so it links there.
            var container = post.Document.QuerySelector("main .container-link a");
            Assert.Equal("Field Notes", container?.TextContent);
            Assert.Equal($"/{tenant}/", container?.GetAttribute("href"));

            var blog = await site.GetAsync($"/{tenant}/field-notes");
            Assert.Equal("Birds we met", blog.Document.QuerySelector("main .prose.markdown h2")?.TextContent);
            Assert.Equal("early", blog.Document.QuerySelector("main .prose.markdown em")?.TextContent);
            Assert.Null(blog.Document.QuerySelector("main script"));
            Assert.DoesNotContain("alert('blog')", blog.Body, StringComparison.Ordinal);
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }

    [Fact]
    public async Task A_Markdown_body_shows_where_a_themed_type_shows_its_html_body()
    {
        var tenant = await site.NewTenantAsync("md", "medtour-content-types", TreatmentWithMarkdown(site), """
            {"name":"Content","data":[{"ContentItemId":"t-md","ContentType":"Treatment","Published":true,"TitlePart":{"Title":"Markdown treatment"},
              "AutoroutePart":{"Path":"md-treatment"},"LocalizationPart":{"Culture":"en"},"Treatment":{"Summary":{"Text":"S"}},
              "HtmlBodyPart":{"Html":"<p>Html part</p>"},"MarkdownBodyPart":{"Markdown":"Also **markdown** <script>x()</script>"}}]}
            """);
        try
        {
            var page = await site.GetAsync($"/{tenant}/md-treatment");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("Html part", page.Document.QuerySelector("main .prose p")?.TextContent);
            Assert.Equal("markdown", page.Document.QuerySelector("main .prose.markdown strong")?.TextContent);
            Assert.Null(page.Document.QuerySelector("main script"));
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }

    [Fact]
    public async Task A_Markdown_body_that_is_not_text_is_refused_naming_it()
    {
        var tenant = await BlogRecipe.NewTenantAsync(site);
        try
        {
            var error = await Assert.ThrowsAsync<RecipeException>(() => BlogRecipe.ImportAsync(site, tenant, """
                {"name":"bad","steps":[{"name":"Content","data":[{"ContentItemId":"p-bad","ContentType":"Page","TitlePart":{"Title":"Bad"},"MarkdownBodyPart":{"Markdown":42}}]}]}
                """));
            Assert.Contains("data[0].MarkdownBodyPart.Markdown", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }

    /// <summary>The shared Treatment type with a MarkdownBodyPart added, as a ContentDefinition step.</summary>
    private static string TreatmentWithMarkdown(SiteFixture site)
    {
        var file = Path.Combine(site.Service<AppPaths>().Recipes, "medtour-content-types.recipe.json");
        var type = JsonNode.Parse(File.ReadAllText(file))!["steps"]!.AsArray()
            .SelectMany(s => s!["ContentTypes"]?.AsArray() ?? [])
            .First(t => (string?)t!["Name"] == "Treatment")!.DeepClone();
        type["ContentTypePartDefinitionRecords"]!.AsArray().Add(new JsonObject { ["PartName"] = "MarkdownBodyPart", ["Name"] = "MarkdownBodyPart" });
        return new JsonObject { ["name"] = "ContentDefinition", ["ContentTypes"] = new JsonArray(type) }.ToJsonString();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MarkdownSqliteTests(SqliteSite site) : MarkdownTests(site);

[Collection(PostgresCollection.Name)]
public sealed class MarkdownPostgresTests(PostgresSite site) : MarkdownTests(site);
