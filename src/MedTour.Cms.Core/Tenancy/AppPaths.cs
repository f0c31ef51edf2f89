using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Tenancy;

/// <summary>Resolves the host's folders once (singleton, immutable).</summary>
public sealed class AppPaths
{
    public AppPaths(IOptions<CmsOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        AppData = Path.GetFullPath(options.Value.AppDataPath, environment.ContentRootPath);
        Recipes = Path.GetFullPath(options.Value.RecipesPath, AppContext.BaseDirectory);
        Themes = Path.GetFullPath(options.Value.ThemesPath, AppContext.BaseDirectory);
    }

    public string AppData { get; }
    public string Recipes { get; }
    public string Themes { get; }

    public string TenantsFile => Path.Combine(AppData, "tenants.json");

    public string TenantFolder(string tenantName) => Path.Combine(AppData, "Sites", tenantName);

    public string MediaFolder(string tenantName) => Path.Combine(TenantFolder(tenantName), "Media");
}
