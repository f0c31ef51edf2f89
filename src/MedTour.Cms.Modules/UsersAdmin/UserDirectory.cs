using MedTour.Cms.Data;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.UsersAdmin;

/// <summary>
/// The tenant's users as the admin lists them: search by user name or e-mail, one page at a time, with their roles
/// and state. Scoped; two queries per page (the users, then the roles of those users).
/// </summary>
public sealed class UserDirectory(CmsDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<UserPage> SearchAsync(string? query, int page, CancellationToken cancellationToken = default)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            // Identity's normalized columns are upper case, so the search is case-insensitive on both databases.
            var needle = query.Trim().ToUpperInvariant();
            users = users.Where(u => u.NormalizedUserName!.Contains(needle) || u.NormalizedEmail!.Contains(needle));
        }

        var total = await users.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await users.OrderBy(u => u.NormalizedUserName).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.UserName, u.Email, u.LockoutEnd, HasPassword = u.PasswordHash != null, u.TwoFactorEnabled })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where ids.Contains(userRole.UserId)
                           select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return new UserPage(
            rows.Select(r => new UserRow(r.Id, r.UserName!, r.Email, roles.Where(x => x.UserId == r.Id).Select(x => x.Name!).Order(StringComparer.Ordinal).ToList(),
                UserAccounts.IsDisabled(r.LockoutEnd, now), !r.HasPassword, r.TwoFactorEnabled)).ToList(),
            page, pages, total);
    }

    /// <summary>The names of the tenant's roles, in order.</summary>
    public async Task<IReadOnlyList<string>> RoleNamesAsync(CancellationToken cancellationToken = default) =>
        await db.Roles.AsNoTracking().OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync(cancellationToken);
}

public sealed record UserRow(string Id, string UserName, string? Email, IReadOnlyList<string> Roles, bool Disabled, bool Invited, bool TwoFactor)
{
    public bool IsAdministrator => Roles.Contains(DefaultRoles.Administrator);
}

public sealed record UserPage(IReadOnlyList<UserRow> Users, int Page, int Pages, int Total);
