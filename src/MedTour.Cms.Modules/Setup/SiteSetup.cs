using MedTour.Cms.Data;
using MedTour.Cms.Modules.Users;
using MedTour.Cms.Tenancy;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Setup;

/// <summary>
/// Brings the host to a running state: creates the Default tenant if there is none, sets up every tenant
/// not yet running (resuming a setup a crash interrupted), upgrades the databases of those already running, and makes sure there is an administrator.
/// Idempotent. Singleton; used at start-up and by the <c>setup</c> command.
/// </summary>
public sealed class SiteSetup(TenantRegistry registry, TenantSchemaUpgrade upgrade, TenantManager tenants, TenantSetupFailures failures, AdministratorBootstrap administrator, IOptions<CmsOptions> options)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        // Tenants an older build set up get this build's migrations before anything else writes to them.
        await upgrade.RunAsync(cancellationToken);
        if (registry.Find(TenantSettings.DefaultName) is null)
        {
            tenants.Create(new TenantSettings
            {
                Name = TenantSettings.DefaultName,
                DisplayName = "MedTour",
                RequestUrlHosts = options.Value.DefaultHosts,
                Cultures = ["en"],
                RecipeName = options.Value.DefaultRecipe,
            });
        }

        await tenants.SetupAsync(TenantSettings.DefaultName, cancellationToken);
        // Each tenant on its own: one that fails (logged and reported by readiness) leaves the others running.
        // One that already failed in this process is not tried again until the next start.
        foreach (var tenant in registry.All.Where(t => t.State is TenantState.Uninitialized or TenantState.Initializing && !failures.Contains(t.Name)))
        {
            try
            {
                await tenants.SetupAsync(tenant.Name, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                continue;
            }
        }

        await administrator.EnsureAsync(cancellationToken);
    }
}
