using Microsoft.AspNetCore.Authorization;

namespace MedTour.Cms.Modules.Roles;

/// <summary>An endpoint's permission, checked by <see cref="PermissionHandler"/>.</summary>
public sealed class PermissionRequirement(Permission permission) : IAuthorizationRequirement
{
    public Permission Permission { get; } = permission;
}
