using MedTour.Cms.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Recipes.Scripting;

/// <summary>
/// Orchard's setup parameters for <c>parameters('Name')</c>, taken from the tenant being set up and the host's
/// configuration. Secrets (the administrator's password, connection strings) are not offered. Scoped.
/// </summary>
public sealed class RecipeParameters(CurrentTenant tenant, IConfiguration configuration, IOptions<DatabaseOptions> database)
{
    public IReadOnlyDictionary<string, string?> All()
    {
        var settings = tenant.IsSet ? tenant.Settings : null;
        var admin = configuration.GetSection("MedTour:Admin");
        return new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["SiteName"] = settings?.DisplayName ?? settings?.Name,
            ["TenantName"] = settings?.Name,
            ["AdminUsername"] = admin["UserName"] ?? "admin",
            ["AdminEmail"] = admin["Email"],
            ["DatabaseProvider"] = settings?.Database.Provider ?? database.Value.Provider,
            ["DatabaseTablePrefix"] = settings?.Database.Schema,
            ["RecipeName"] = settings?.RecipeName,
            ["SiteTimeZone"] = "UTC",
            ["Culture"] = settings?.DefaultCulture,
            ["RequestUrlPrefix"] = settings?.RequestUrlPrefix,
        };
    }
}
