using System.Net;
using MedTour.Cms.Content;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Parts;

/// <summary>Orchard's autoroute patterns make the slugs they make in Orchard (they used to give empty slugs).</summary>
public abstract class AutoroutePatternTests(SiteFixture site)
{
    [Fact]
    public async Task Orchard_patterns_give_slugs_and_a_contained_item_is_under_its_container()
    {
        var tenant = await BlogRecipe.NewTenantAsync(site);
        try
        {
            await using var scope = site.TenantScope(tenant);
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            // {{ ContentItem | display_text | slugify }}
            Assert.Equal("field-notes", await PathAsync(content, "blog-field-notes"));
            // {{ ContentItem | container | display_url }}/{{ ContentItem | display_text | slugify }}, the container imported in the same recipe.
            foreach (var (id, _, path) in BlogRecipe.Posts)
            {
                Assert.Equal(path, await PathAsync(content, id));
            }

            // {{ Model.ContentItem.DisplayText | slugify }}, with AutoroutePart listed before TitlePart on the type.
            Assert.Equal("about-this-site", await PathAsync(content, "page-about"));

            foreach (var (_, title, path) in BlogRecipe.Posts)
            {
                var page = await site.GetAsync($"/{tenant}/{path}");
                Assert.Equal(HttpStatusCode.OK, page.Status);
                Assert.Equal(title, page.H1);
            }
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }

    [Fact]
    public async Task A_new_item_in_a_container_gets_its_path_from_the_stored_container()
    {
        var tenant = await BlogRecipe.NewTenantAsync(site);
        try
        {
            await using var scope = site.TenantScope(tenant);
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var post = await content.NewAsync("BlogPost");
            post.Part("TitlePart")["Title"] = "Late Swallows";
            post.Part("ContainedPart")["ListContentItemId"] = "blog-field-notes";
            await content.CreateAsync(post);

            Assert.Equal("field-notes/late-swallows", await PathAsync(content, post.ContentItemId));
            var other = await content.NewAsync("BlogPost");
            other.Part("TitlePart")["Title"] = "Late Swallows";
            await content.CreateAsync(other);
            // No container: the pattern's first segment is empty and dropped.
            Assert.Equal("late-swallows", await PathAsync(content, other.ContentItemId));
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }

    private static async Task<string?> PathAsync(ContentManager content, string id) =>
        (await content.GetAsync(id, VersionOptions.Latest))?.FindPart("AutoroutePart")?["Path"]?.GetValue<string>();
}

[Collection(SqliteCollection.Name)]
public sealed class AutoroutePatternSqliteTests(SqliteSite site) : AutoroutePatternTests(site);

[Collection(PostgresCollection.Name)]
public sealed class AutoroutePatternPostgresTests(PostgresSite site) : AutoroutePatternTests(site);
