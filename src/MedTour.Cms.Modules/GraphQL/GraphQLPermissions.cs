using MedTour.Cms.Modules.Roles;

namespace MedTour.Cms.Modules.Graph;

/// <summary>The GraphQL module's permission: creating and revoking the tenant's API tokens.</summary>
public sealed class GraphQLPermissions : IPermissionProvider
{
    public static readonly Permission ManageApiTokens = new("ManageApiTokens", "Manage GraphQL API tokens", "GraphQL");

    public Task<IEnumerable<Permission>> GetPermissionsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IEnumerable<Permission>>([ManageApiTokens]);
}
