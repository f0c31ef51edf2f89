using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Data;
using MedTour.Cms.Recipes;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Recipes.Orchard;

/// <summary>Empty tenants, imports of the Orchard-style test recipes, and every stored item version as JSON.</summary>
public sealed class OrchardRecipeHelper(SiteFixture site)
{
    public static string RecipePath(string relative) => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "Recipes", "Orchard", relative));

    public async Task<string> NewEmptyTenantAsync(string? displayName = null)
    {
        var name = "o" + Guid.NewGuid().ToString("N")[..10];
        var manager = site.Service<TenantManager>();
        manager.Create(new TenantSettings { Name = name, DisplayName = displayName, RequestUrlPrefix = name, Cultures = ["en"] });
        await manager.SetupAsync(name);
        return name;
    }

    public Task<RecipeImportResult> ImportAsync(string tenant, string file, bool skipUnsupported = false) =>
        ImportAsync(tenant, RecipeReader.Load(RecipePath(file)), skipUnsupported);

    public async Task<RecipeImportResult> ImportAsync(string tenant, RecipeDescriptor recipe, bool skipUnsupported = false)
    {
        await using var scope = site.TenantScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, new RecipeImportOptions { SkipUnsupported = skipUnsupported });
    }

    public async Task<int> CountItemsAsync(string tenant)
    {
        await using var scope = site.TenantScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().ContentItems.CountAsync();
    }

    /// <summary>Every version that is latest or published, as Orchard's JSON, ordered by version id.</summary>
    public async Task<List<string>> VersionsAsync(string tenant)
    {
        await using var scope = site.TenantScope(tenant);
        var rows = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().ContentItems
            .Where(x => x.Latest || x.Published).ToListAsync();
        return [.. rows.OrderBy(r => r.ContentItemVersionId, StringComparer.Ordinal).Select(r => ContentItemJson.Write(ContentRecords.ToItem(r)).ToJsonString())];
    }

    public async Task<string> DocumentAsync(string tenant, string name)
    {
        await using var scope = site.TenantScope(tenant);
        return (await scope.ServiceProvider.GetRequiredService<DocumentStore>().GetAsync<JsonObject>(name))?.ToJsonString() ?? "null";
    }
}
