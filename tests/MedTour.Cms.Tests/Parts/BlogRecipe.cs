using MedTour.Cms.Recipes;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Parts;

/// <summary>
/// A tenant set up from our own Orchard-style recipe (Parts/Recipes/parts-blog.recipe.json): a "Field Notes" blog
/// (ListPart of BlogPosts, 2 a page, ordered) with Markdown bodies, a page whose view shows the Orchard filters,
/// a HomeRoute to the blog and a Kyiv time zone. Nothing medical, and only the Contents feature.
/// </summary>
public static class BlogRecipe
{
    public const string File = "parts-blog.recipe.json";

    /// <summary>(id, title, path) of the published posts, in their ContainedPart order.</summary>
    public static readonly IReadOnlyList<(string Id, string Title, string Path)> Posts =
    [
        ("post-dawn", "Dawn Chorus", "field-notes/dawn-chorus"),
        ("post-first-light", "First Light", "field-notes/first-light"),
        ("post-heron", "The Heron at the Weir", "field-notes/the-heron-at-the-weir"),
        ("post-owls", "Owls After Dark", "field-notes/owls-after-dark"),
        ("post-swifts", "Swifts Return", "field-notes/swifts-return"),
    ];

    public static string Text(string file = File) => System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Parts", "Recipes", file));

    /// <summary>A fresh tenant (Contents only) with the blog recipe imported, plus any further steps.</summary>
    public static async Task<string> NewTenantAsync(SiteFixture site, params string[] steps)
    {
        var name = "blog" + Guid.NewGuid().ToString("N")[..8];
        var manager = site.Service<TenantManager>();
        manager.Create(new TenantSettings { Name = name, RequestUrlPrefix = name, Cultures = ["en"], Features = ["Contents"], Theme = "MedTour" });
        await manager.SetupAsync(name);
        await ImportAsync(site, name, Text());
        if (steps.Length > 0)
        {
            await ImportAsync(site, name, $$"""{"name":"more","steps":[{{string.Join(",", steps)}}]}""");
        }

        return name;
    }

    public static async Task ImportAsync(SiteFixture site, string tenant, string recipeJson)
    {
        await using var scope = site.TenantScope(tenant);
        await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeReader.Parse(recipeJson, "parts-test.recipe.json"));
    }
}
