using System.Net;
using System.Text.Json.Nodes;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Tests.Site;

namespace MedTour.Cms.Tests.Parts;

/// <summary>
/// The blog recipe as an Orchard user writes it, end to end: Orchard's feature ids, a <c>variables</c> section
/// and <c>[js:]</c> ids, the container pattern, Markdown bodies and a paged ListPart, together in one import.
/// </summary>
public abstract class OrchardStyleBlogTests(SiteFixture site)
{
    [Fact]
    public async Task An_Orchard_style_blog_recipe_gives_the_blog_with_its_posts_paths_and_markdown()
    {
        var tenant = await BlogRecipe.NewTenantAsync(site);
        try
        {
            // A second blog in the same tenant, from the same recipe in Orchard's spelling, under scripted ids.
            await BlogRecipe.ImportAsync(site, tenant, OrchardSpelling(BlogRecipe.Text()));

            var list = await site.GetAsync($"/{tenant}/bird-journal");
            Assert.Equal(HttpStatusCode.OK, list.Status);
            Assert.Equal("Bird Journal", list.H1);
            var links = list.Document.QuerySelectorAll("main ul.list-items > li h3 a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Equal([$"/{tenant}/bird-journal/dawn-chorus-1", $"/{tenant}/bird-journal/first-light-1"], links);

            var post = await site.GetAsync($"/{tenant}/bird-journal/dawn-chorus-1");
            Assert.Equal(HttpStatusCode.OK, post.Status);
            Assert.Equal("Wren", post.Document.QuerySelector("main .prose.markdown table td")?.TextContent);
            Assert.Null(post.Document.QuerySelector("main [onerror]"));
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }

    /// <summary>OrchardCore.* feature ids, lower-case "name"/"data", a variables section and [js:] ids and titles.</summary>
    private static string OrchardSpelling(string recipeJson)
    {
        var recipe = JsonNode.Parse(recipeJson)!.AsObject();
        recipe["variables"] = new JsonObject { ["journalId"] = "[js: 'journal-' + 'birds']", ["suffix"] = "[js: ' ' + (2 - 1)]" };
        var steps = recipe["steps"]!.AsArray();
        foreach (var step in steps.Select(s => s!.AsObject()))
        {
            switch (step["name"]!.GetValue<string>())
            {
                case "Feature":
                    step["enable"] = new JsonArray("OrchardCore.Contents", "OrchardCore.Title", "OrchardCore.Autoroute", "OrchardCore.Markdown", "OrchardCore.Lists", "OrchardCore.PublishLater");
                    break;
                case "Content":
                    var data = step["data"]!.AsArray();
                    foreach (var item in data.Select(i => i!.AsObject()))
                    {
                        var id = item["ContentItemId"]!.GetValue<string>();
                        item["ContentItemId"] = id == "blog-field-notes" ? "[js: variables('journalId')]" : "[js: '" + id + "-' + 'orchard']";
                        item.Remove("ContentItemVersionId");
                        if (item["ContainedPart"] is JsonObject contained)
                        {
                            contained["ListContentItemId"] = "[js: variables('journalId')]";
                            var title = item["TitlePart"]!["Title"]!.GetValue<string>();
                            item["TitlePart"] = new JsonObject { ["Title"] = $"[js: '{title}' + variables('suffix')]" };
                            item.Remove("DisplayText");
                        }
                        else if (id == "blog-field-notes")
                        {
                            item["TitlePart"] = new JsonObject { ["Title"] = "Bird Journal" };
                            item["DisplayText"] = "Bird Journal";
                        }
                    }

                    // Only the blog and its posts: the page and its home route are the first blog's.
                    var keep = data.Where(i => i!["ContentType"]!.GetValue<string>() is "Blog" or "BlogPost").Select(i => i!.DeepClone()).ToList();
                    step.Remove("data");
                    step["Data"] = new JsonArray([.. keep]);
                    break;
            }
        }

        recipe["steps"] = new JsonArray([.. steps.Where(s => s!["name"]!.GetValue<string>() is "Feature" or "ContentDefinition" or "Content").Select(s => s!.DeepClone())]);
        return recipe.ToJsonString();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OrchardStyleBlogSqliteTests(SqliteSite site) : OrchardStyleBlogTests(site);

[Collection(PostgresCollection.Name)]
public sealed class OrchardStyleBlogPostgresTests(PostgresSite site) : OrchardStyleBlogTests(site);
