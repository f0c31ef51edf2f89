namespace MedTour.Cms.Modules.Roles;

/// <summary>A module's permissions (scoped: content-type permissions depend on the tenant's definitions).</summary>
public interface IPermissionProvider
{
    Task<IEnumerable<Permission>> GetPermissionsAsync(CancellationToken cancellationToken = default);
}
