using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;

namespace MedTour.Cms.Modules.Roles;

/// <summary>
/// The gate of the content areas (list, editor, versions): the user holds at least one content permission, global or
/// per type. Each item's own verb is checked by the endpoint; this keeps roles without any content permission (a
/// Coordinator) out of the content pages that are not about one item (the list, the picker, the Markdown preview).
/// </summary>
public sealed class AnyContentPermissionRequirement : IAuthorizationRequirement;

/// <summary>Grants <see cref="AnyContentPermissionRequirement"/>. Scoped.</summary>
public sealed class AnyContentPermissionHandler(UserPermissions permissions) : AuthorizationHandler<AnyContentPermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AnyContentPermissionRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await permissions.HoldsAnyContentPermissionAsync(context.User))
        {
            context.Succeed(requirement);
        }
    }
}

public static class AnyContentPermissionEndpointExtensions
{
    /// <summary>Only users holding some content permission reach the endpoint (else 403; anonymous: the sign-in page).</summary>
    public static TBuilder RequireAnyContentPermission<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.RequireAuthenticatedUser().AddRequirements(new AnyContentPermissionRequirement()));
}
