using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Modules.Roles;

/// <summary>Gives a tenant being set up the MedTour roles its recipe did not define.</summary>
public sealed class DefaultRolesSetupHandler(RoleStore roles, DefaultRolesUpgrade upgrade) : ITenantSetupHandler
{
    public async Task TenantSetUpAsync(CancellationToken cancellationToken)
    {
        await roles.EnsureDefaultsAsync();
        await upgrade.MarkCurrentAsync(cancellationToken);
    }
}
