using System.Security.Claims;
using MedTour.Cms.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.Roles;

/// <summary>
/// Roles as data: Identity's role rows, with one <c>Permission</c> claim per permission and the description in a
/// <c>Description</c> claim. Used by the recipe step, the seeding of new tenants and the role editor. Scoped.
/// </summary>
public sealed class RoleStore(RoleManager<IdentityRole> roles, CmsDbContext db)
{
    public const string DescriptionClaim = "Description";

    public async Task SaveAsync(string name, string? description, IEnumerable<string> permissions, PermissionBehavior behavior = PermissionBehavior.Replace)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(permissions);
        var role = await roles.FindByNameAsync(name);
        if (role is null)
        {
            role = new IdentityRole(name);
            Check(await roles.CreateAsync(role), name);
        }

        var claims = await roles.GetClaimsAsync(role);
        var current = claims.Where(c => c.Type == UserPermissions.ClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var wanted = behavior switch
        {
            PermissionBehavior.Add => current.Union(permissions, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal),
            PermissionBehavior.Remove => current.Except(permissions, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal),
            _ => permissions.ToHashSet(StringComparer.Ordinal),
        };

        foreach (var claim in claims.Where(c => (c.Type == UserPermissions.ClaimType && !wanted.Contains(c.Value)) || (c.Type == DescriptionClaim && description is not null)))
        {
            Check(await roles.RemoveClaimAsync(role, claim), name);
        }

        foreach (var permission in wanted.Except(current, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            Check(await roles.AddClaimAsync(role, new Claim(UserPermissions.ClaimType, permission)), name);
        }

        if (description is not null)
        {
            Check(await roles.AddClaimAsync(role, new Claim(DescriptionClaim, description)), name);
        }
    }

    /// <summary>Every role with its description and permissions, by name.</summary>
    public async Task<IReadOnlyList<RoleSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await db.Roles.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        var claims = await db.RoleClaims.AsNoTracking().ToListAsync(cancellationToken);
        return all.Select(r => new RoleSummary(
            r.Name!,
            claims.FirstOrDefault(c => c.RoleId == r.Id && c.ClaimType == DescriptionClaim)?.ClaimValue,
            claims.Where(c => c.RoleId == r.Id && c.ClaimType == UserPermissions.ClaimType).Select(c => c.ClaimValue!).Order(StringComparer.Ordinal).ToList()))
            .ToList();
    }

    /// <summary>Creates the MedTour roles the tenant lacks; a role that exists keeps its permissions.</summary>
    public async Task EnsureDefaultsAsync()
    {
        foreach (var stereotype in DefaultRoles.All)
        {
            if (await roles.FindByNameAsync(stereotype.Name) is null)
            {
                await SaveAsync(stereotype.Name, stereotype.Description, stereotype.Permissions);
            }
        }
    }

    private static void Check(IdentityResult result, string role)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Role {role}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}

public sealed record RoleSummary(string Name, string? Description, IReadOnlyList<string> Permissions);
