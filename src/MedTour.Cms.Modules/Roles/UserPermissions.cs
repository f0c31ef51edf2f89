using System.Security.Claims;
using MedTour.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.Roles;

/// <summary>
/// What the signed-in user may do on this tenant: their roles and the permissions those roles hold, read from the
/// tenant's database once per request (two small queries), so a role edit or a disabled account applies at the next
/// request of every host. Scoped.
/// </summary>
public sealed class UserPermissions(CmsDbContext db, TimeProvider clock)
{
    public const string ClaimType = "Permission";

    private readonly Dictionary<string, Grants> _grants = new(StringComparer.Ordinal);

    public async Task<bool> HasAsync(ClaimsPrincipal user, Permission permission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(permission);
        var grants = await GrantsAsync(user, cancellationToken);
        return grants.IsAdministrator || grants.Permissions.Contains(permission.Name)
            || (permission.ImpliedBy?.Any(grants.Permissions.Contains) ?? false);
    }

    /// <summary>May <paramref name="user"/> do <paramref name="verb"/> to an item of <paramref name="contentType"/> owned by <paramref name="owner"/> (null when it does not exist yet)?</summary>
    public async Task<bool> CanAsync(ClaimsPrincipal user, ContentVerb verb, string contentType, string? owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await HasAsync(user, ContentPermissions.ForType(verb, contentType), cancellationToken))
        {
            return true;
        }

        // Edit and preview of one's own items come with EditOwn (Orchard's rule), preview also with PreviewOwn (an
        // Author's: other users' drafts stay private); an item without an owner belongs to nobody.
        var ownsIt = owner is not null && (owner == user.Identity?.Name || owner == user.FindFirstValue(ClaimTypes.NameIdentifier));
        if (!ownsIt)
        {
            return false;
        }

        if (verb is ContentVerb.Preview or ContentVerb.PreviewOwn
            && await HasAsync(user, ContentPermissions.ForType(ContentVerb.PreviewOwn, contentType), cancellationToken))
        {
            return true;
        }

        return verb is ContentVerb.Edit or ContentVerb.EditOwn or ContentVerb.Preview or ContentVerb.PreviewOwn
            && await HasAsync(user, ContentPermissions.ForType(ContentVerb.EditOwn, contentType), cancellationToken);
    }

    /// <summary>Does <paramref name="user"/> hold any content permission, global or per type (the content areas' gate)?</summary>
    public async Task<bool> HoldsAnyContentPermissionAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var grants = await GrantsAsync(user, cancellationToken);
        return grants.IsAdministrator || grants.Permissions.Any(ContentPermissions.IsContentPermission);
    }

    public async Task<IReadOnlyList<string>> RolesAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        (await GrantsAsync(user, cancellationToken)).Roles;

    private async Task<Grants> GrantsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (id is null)
        {
            return Grants.None;
        }

        if (_grants.TryGetValue(id, out var known))
        {
            return known;
        }

        var now = clock.GetUtcNow();
        // Compared here: SQLite cannot compare DateTimeOffset values in SQL. A disabled user is locked out for good.
        var account = await db.Users.Where(u => u.Id == id).Select(u => new { u.LockoutEnd }).FirstOrDefaultAsync(cancellationToken);
        var active = account is not null && (account.LockoutEnd is null || account.LockoutEnd <= now);
        var roles = !active ? [] : await (from userRole in db.UserRoles
                                          join role in db.Roles on userRole.RoleId equals role.Id
                                          where userRole.UserId == id
                                          select new { role.Id, role.Name }).ToListAsync(cancellationToken);
        var roleIds = roles.Select(r => r.Id).ToList();
        var permissions = roleIds.Count == 0 ? [] : await db.RoleClaims
            .Where(c => roleIds.Contains(c.RoleId) && c.ClaimType == ClaimType)
            .Select(c => c.ClaimValue!).ToListAsync(cancellationToken);
        var grants = new Grants(
            roles.Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(),
            permissions.ToHashSet(StringComparer.Ordinal),
            roles.Exists(r => r.Name == DefaultRoles.Administrator));
        _grants[id] = grants;
        return grants;
    }

    private sealed record Grants(IReadOnlyList<string> Roles, HashSet<string> Permissions, bool IsAdministrator)
    {
        public static readonly Grants None = new([], [], false);
    }
}
