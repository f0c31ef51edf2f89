using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Modules.Roles;

/// <summary>Gives a tenant being set up the MedTour roles its recipe did not define.</summary>
public sealed class DefaultRolesSetupHandler(RoleStore roles) : ITenantSetupHandler
{
    public Task TenantSetUpAsync(CancellationToken cancellationToken) => roles.EnsureDefaultsAsync();
}
