using Microsoft.AspNetCore.Authorization;

namespace MedTour.Cms.Modules.Roles;

/// <summary>Grants a <see cref="PermissionRequirement"/> when one of the user's roles on this tenant holds it. Scoped.</summary>
public sealed class PermissionHandler(UserPermissions permissions) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (await permissions.HasAsync(context.User, requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}
