using Microsoft.AspNetCore.Builder;

namespace MedTour.Cms.Modules.Roles;

public static class PermissionEndpointExtensions
{
    /// <summary>Only signed-in users of this tenant whose roles hold <paramref name="permission"/> reach the endpoint (else 403; anonymous: the sign-in page).</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
}
