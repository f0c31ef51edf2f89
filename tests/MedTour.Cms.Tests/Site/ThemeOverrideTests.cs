using System.Net;
using System.Text.Json.Nodes;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.Site;

/// <summary>A tenant's own template (the Templates recipe step) changes that tenant's pages of that kind, and nothing else.</summary>
public abstract class ThemeOverrideTests(SiteFixture site)
{
    private const string Marker = "override-marker";

    /// <summary>An author, two articles and a treatment, on a fresh tenant with only the content types.</summary>
    private static readonly string ContentStep = """
        {"name":"Content","data":[
          {"ContentItemId":"p1","ContentType":"Person","Published":true,"TitlePart":{"Title":"Ada Lovelace"},"AutoroutePart":{"Path":"authors/ada"},"LocalizationPart":{"Culture":"en"}},
          {"ContentItemId":"a1","ContentType":"Article","Published":true,"TitlePart":{"Title":"Hello override"},"AutoroutePart":{"Path":"hello"},"LocalizationPart":{"Culture":"en"},
           "Article":{"Summary":{"Text":"First"},"MedicalAuthor":{"ContentItemIds":["p1"]}},"HtmlBodyPart":{"Html":"<p>Body one</p>[consultation_cta]"}},
          {"ContentItemId":"a2","ContentType":"Article","Published":true,"TitlePart":{"Title":"Second override"},"AutoroutePart":{"Path":"second"},"LocalizationPart":{"Culture":"en"},
           "Article":{"Summary":{"Text":"Second"},"MedicalAuthor":{"ContentItemIds":["p1"]}},"HtmlBodyPart":{"Html":"<p>Body two</p>"}},
          {"ContentItemId":"t1","ContentType":"Treatment","Published":true,"TitlePart":{"Title":"Some treatment"},"AutoroutePart":{"Path":"treatments/some"},"LocalizationPart":{"Culture":"en"},
           "Treatment":{"Summary":{"Text":"A treatment"}},"HtmlBodyPart":{"Html":"<p>Treatment body</p>"}}
        ]}
        """;

    private static string TemplatesStep(string text) => new JsonObject
    {
        ["name"] = "Templates",
        ["Templates"] = new JsonObject
        {
            ["Content-Article"] = new JsonObject
            {
                ["Content"] = $"<article class=\"override-article\"><h1>{{{{ Model.ContentItem.DisplayText }}}}</h1><p class=\"{Marker}\">{text}</p></article>",
            },
        },
    }.ToJsonString();

    [Fact]
    public async Task An_article_template_override_changes_the_article_pages_of_its_tenant_only()
    {
        var overridden = await site.NewTenantAsync("tpl", "medtour-content-types", ContentStep, TemplatesStep("Tenant override"));
        var plain = await site.NewTenantAsync("tpl", "medtour-content-types", ContentStep);
        try
        {
            foreach (var (path, title) in new[] { ("hello", "Hello override"), ("second", "Second override") })
            {
                var page = await site.GetAsync($"/{overridden}/{path}");
                Assert.Equal(HttpStatusCode.OK, page.Status);
                Assert.Equal("Tenant override", page.Document.QuerySelector($"main .{Marker}")?.TextContent);
                Assert.Equal(title, page.H1);
                Assert.Null(page.Document.QuerySelector(".prose"));
                // Still inside the theme's layout.
                Assert.NotNull(page.Document.QuerySelector("header nav.regions-bar"));
                Assert.Single(page.Document.QuerySelectorAll("main#main"));
            }

            // Other kinds of page of the same tenant keep the theme's views.
            foreach (var path in new[] { "authors/ada", "treatments/some", "articles", "" })
            {
                var page = await site.GetAsync($"/{overridden}/{path}");
                Assert.True(page.Status == HttpStatusCode.OK, $"/{overridden}/{path} answered {(int)page.Status}");
                Assert.DoesNotContain(Marker, page.Body, StringComparison.Ordinal);
            }

            // The same article on another tenant, and the regional sites, keep the theme's article view.
            var other = await site.GetAsync($"/{plain}/hello");
            Assert.Equal(HttpStatusCode.OK, other.Status);
            Assert.DoesNotContain(Marker, other.Body, StringComparison.Ordinal);
            Assert.Equal("Body one", other.Document.QuerySelector(".prose p")?.TextContent);
            Assert.Single(other.Document.QuerySelectorAll(".prose aside.cta"));
            foreach (var (url, _, _) in ThemeSite.LiverArticles)
            {
                var regional = await site.GetAsync(url);
                Assert.DoesNotContain(Marker, regional.Body, StringComparison.Ordinal);
                Assert.Equal(3, regional.Document.QuerySelectorAll("aside.cta").Length);
            }
        }
        finally
        {
            await site.RemoveTenantAsync(overridden);
            await site.RemoveTenantAsync(plain);
        }
    }

    [Fact]
    public async Task An_override_imported_or_edited_after_the_page_was_seen_shows_on_the_next_request()
    {
        var tenant = await site.NewTenantAsync("tpl", "medtour-content-types", ContentStep);
        try
        {
            var before = await site.GetAsync($"/{tenant}/hello");
            Assert.Equal(HttpStatusCode.OK, before.Status);
            Assert.DoesNotContain(Marker, before.Body, StringComparison.Ordinal);

            await site.ImportAsync(tenant, TemplatesStep("First version"));
            var imported = await site.GetAsync($"/{tenant}/hello");
            Assert.Equal("First version", imported.Document.QuerySelector($".{Marker}")?.TextContent);

            await site.ImportAsync(tenant, TemplatesStep("Second version"));
            var edited = await site.GetAsync($"/{tenant}/hello");
            Assert.Equal("Second version", edited.Document.QuerySelector($".{Marker}")?.TextContent);
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ThemeOverrideSqliteTests(SqliteSite site) : ThemeOverrideTests(site);

[Collection(PostgresCollection.Name)]
public sealed class ThemeOverridePostgresTests(PostgresSite site) : ThemeOverrideTests(site);
