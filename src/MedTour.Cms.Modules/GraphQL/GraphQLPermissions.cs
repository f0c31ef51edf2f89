using MedTour.Cms.Modules.Roles;

namespace MedTour.Cms.Modules.Graph;

/// <summary>The GraphQL module's permissions: creating and revoking the tenant's API tokens; the GraphiQL explorer page.</summary>
public sealed class GraphQLPermissions : IPermissionProvider
{
    public static readonly Permission ManageApiTokens = new("ManageApiTokens", "Manage GraphQL API tokens", "GraphQL");

    /// <summary>The explorer grants no reading of its own (queries carry a token or are anonymous); it is a tool for developers, so a permission of its own.</summary>
    public static readonly Permission UseGraphiQL = new("UseGraphiQL", "Use the GraphQL explorer (GraphiQL)", "GraphQL");

    public Task<IEnumerable<Permission>> GetPermissionsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IEnumerable<Permission>>([ManageApiTokens, UseGraphiQL]);
}
