using MedTour.Cms.Data;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.RolesAdmin;

/// <summary>
/// Creates, edits and deletes roles through <see cref="RoleStore"/>, each change in one transaction, after checking
/// the input. A role's permissions this host does not know (a module that is not here) are kept, as the recipe step
/// keeps them. The Administrator role holds everything and cannot be deleted. Scoped.
/// </summary>
public sealed class RoleEditor(RoleStore store, RoleManager<IdentityRole> roles, PermissionCatalog catalog, CmsDbContext db, AdminRequest Admin)
{
    public const int MaxNameLength = 64;

    public async Task<FormErrors> CreateAsync(string name, string? description)
    {
        ArgumentNullException.ThrowIfNull(name);
        name = name.Trim();
        var errors = new FormErrors();
        if (name.Length == 0)
        {
            errors.Add("name", Admin.T("Enter a role name."));
        }
        else if (name.Length > MaxNameLength || !name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add("name", Admin.T("A role name has up to {0} letters, digits, - and _.", MaxNameLength));
        }
        else if (await roles.FindByNameAsync(name) is not null)
        {
            errors.Add("name", Admin.T("There is already a role {0}.", name));
        }

        if (!errors.Any)
        {
            await InTransactionAsync(() => store.SaveAsync(name, string.IsNullOrWhiteSpace(description) ? null : description.Trim(), [AdminPermissions.AccessAdminPanel.Name]));
        }

        return errors;
    }

    /// <summary>Replaces the role's known permissions with <paramref name="permissions"/> and its description.</summary>
    public async Task<FormErrors> SaveAsync(RoleSummary role, string? description, IReadOnlyCollection<string> permissions)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(permissions);
        var errors = new FormErrors();
        var known = (await catalog.AllAsync()).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = permissions.Where(p => !known.Contains(p)).ToList();
        if (unknown.Count > 0)
        {
            return errors.Add("permissions", Admin.T("There is no permission {0} on this site.", string.Join(", ", unknown)));
        }

        var kept = role.Permissions.Where(p => !known.Contains(p));
        await InTransactionAsync(() => store.SaveAsync(role.Name, description?.Trim() ?? string.Empty, permissions.Concat(kept)));
        return errors;
    }

    public async Task<FormErrors> DeleteAsync(string name)
    {
        var errors = new FormErrors();
        if (name == DefaultRoles.Administrator)
        {
            return errors.Add("name", Admin.T("The Administrator role cannot be deleted: the site needs it."));
        }

        if (await roles.FindByNameAsync(name) is { } role)
        {
            var result = await roles.DeleteAsync(role);
            if (!result.Succeeded)
            {
                errors.Add("name", string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        }

        return errors;
    }

    public async Task<RoleSummary?> FindAsync(string name) => (await store.ListAsync()).FirstOrDefault(r => r.Name == name);

    /// <summary>How many users hold each role.</summary>
    public async Task<Dictionary<string, int>> UserCountsAsync() =>
        await (from userRole in db.UserRoles
               join role in db.Roles on userRole.RoleId equals role.Id
               group userRole by role.Name into byRole
               select new { Name = byRole.Key!, Count = byRole.Count() }).ToDictionaryAsync(r => r.Name, r => r.Count);

    private async Task InTransactionAsync(Func<Task> change)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await change();
        await transaction.CommitAsync();
    }
}
