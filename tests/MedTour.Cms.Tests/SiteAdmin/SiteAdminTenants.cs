using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.SiteAdmin;

/// <summary>
/// A site of the test's own, set up from the Europe recipe, so that what a test changes (templates, settings,
/// definitions) is seen by no other test of the shared fixture.
/// </summary>
public static class SiteAdminTenants
{
    public static async Task<(string Name, AdminSession Admin)> NewSiteAsync(this SiteFixture site, string? recipe = "medtour-europe", RegionSettings? region = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        var name = "s" + Guid.NewGuid().ToString("N")[..10];
        var manager = site.Service<TenantManager>();
        manager.Create(new TenantSettings { Name = name, RequestUrlPrefix = name, Cultures = ["en"], RecipeName = recipe, Features = ["Contents", "MedTour"], Region = region });
        await manager.SetupAsync(name);
        return (name, await site.SignInAsNewUserAsync(name, DefaultRoles.Administrator));
    }
}
