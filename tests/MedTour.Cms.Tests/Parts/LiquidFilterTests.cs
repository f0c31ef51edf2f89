using System.Net;
using System.Text.Json.Nodes;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Tests.Site;

namespace MedTour.Cms.Tests.Parts;

/// <summary>
/// Orchard's Liquid filters give what they give in Orchard, in a tenant's own template (the recipe's Content-Page
/// override shows each filter's output in an element of its own).
/// </summary>
public abstract class LiquidFilterTests(SiteFixture site)
{
    [Fact]
    public async Task Orchard_filters_and_the_owner_and_author_of_an_item_reach_templates()
    {
        var tenant = await BlogRecipe.NewTenantAsync(site);
        try
        {
            var page = await site.GetAsync($"/{tenant}/about-this-site");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            string? Text(string id) => page.Document.GetElementById(id)?.TextContent.Trim();

            Assert.Equal("About This Site", Text("f-display-text"));
            Assert.Equal($"/{tenant}/about-this-site", Text("f-display-url"));
            var post = page.Document.QuerySelector("#f-content-item-id a");
            Assert.Equal("Dawn Chorus", post?.TextContent);
            Assert.Equal($"/{tenant}/field-notes/dawn-chorus", post?.GetAttribute("href"));
            // The container is the home page (HomeRoute): display_url links to the home.
            Assert.Equal("Field Notes", Text("f-container"));
            Assert.Equal($"/{tenant}/", page.Document.QuerySelector("#f-container a")?.GetAttribute("href"));
            Assert.Equal("none", Text("f-missing"));

            Assert.Equal("bold", page.Document.QuerySelector("#f-markdownify strong")?.TextContent);
            Assert.Null(page.Document.QuerySelector("#f-markdownify script"));
            var kept = page.Document.QuerySelector("#f-sanitize b");
            Assert.Equal("kept", kept?.TextContent);
            Assert.False(kept!.HasAttribute("onclick"));
            Assert.Null(page.Document.QuerySelector("#f-sanitize script"));
            Assert.Equal("raw", page.Document.QuerySelector("#f-raw i")?.TextContent);
            Assert.Null(page.Document.QuerySelector("#f-escaped i"));
            Assert.Equal("<i>escaped</i>", Text("f-escaped"));
            // 12:00 UTC on 1 July is 15:00 in Kyiv (the recipe's TimeZoneId).
            Assert.Equal("2026-07-01 15:00", Text("f-local"));
            Assert.Equal($"{ThemeSite.Origin}/{tenant}/field-notes", Text("f-absolute"));

            Assert.Equal("carol", Text("f-owner"));
            Assert.Equal("Carol Singer", Text("f-author"));
            var json = JsonNode.Parse(page.Document.GetElementById("f-json")!.TextContent)!;
            Assert.Equal("About This Site", (string?)json["DisplayText"]);
            Assert.Equal("We *watch* birds.", (string?)json["Content"]?["MarkdownBodyPart"]?["Markdown"]);
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LiquidFilterSqliteTests(SqliteSite site) : LiquidFilterTests(site);

[Collection(PostgresCollection.Name)]
public sealed class LiquidFilterPostgresTests(PostgresSite site) : LiquidFilterTests(site);
