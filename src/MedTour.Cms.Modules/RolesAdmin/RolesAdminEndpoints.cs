using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.RolesAdmin;

/// <summary>The handlers of <c>/admin/roles</c>. A change applies at the next request: permissions are read per request.</summary>
internal static class RolesAdminEndpoints
{
    public static async Task<IResult> ListAsync(RoleStore store, RoleEditor editor) =>
        AdminResults.Page<RoleListPage>(new Dictionary<string, object?>
        {
            ["Roles"] = await store.ListAsync(),
            ["UserCounts"] = await editor.UserCountsAsync(),
        });

    public static IResult NewPageAsync() => AdminResults.Page<NewRolePage>();

    public static async Task<IResult> CreateAsync(HttpContext http, AdminRequest admin, RoleEditor editor)
    {
        var form = await http.Request.ReadFormAsync();
        var name = form["name"].ToString().Trim();
        var description = form["description"].ToString();
        var errors = await editor.CreateAsync(name, description);
        return errors.Any
            ? AdminResults.Page<NewRolePage>(new Dictionary<string, object?> { ["Name"] = name, ["Description"] = description, ["Errors"] = errors }, StatusCodes.Status400BadRequest)
            : AdminResults.RedirectWithFlash(admin, "/admin/roles/" + Uri.EscapeDataString(name), admin.T("The role {0} is created. Choose its permissions.", name));
    }

    public static async Task<IResult> EditPageAsync(string name, RoleEditor editor, PermissionCatalog catalog) =>
        await editor.FindAsync(name) is { } role ? await EditAsync(role, role.Description, role.Permissions, catalog, null, StatusCodes.Status200OK) : NotFound();

    public static async Task<IResult> SaveAsync(string name, HttpContext http, AdminRequest admin, RoleEditor editor, PermissionCatalog catalog)
    {
        if (await editor.FindAsync(name) is not { } role)
        {
            return NotFound();
        }

        var form = await http.Request.ReadFormAsync();
        var permissions = form["permissions"].Select(p => p ?? string.Empty).Distinct(StringComparer.Ordinal).ToList();
        var description = form["description"].ToString();
        var errors = await editor.SaveAsync(role, description, permissions);
        return errors.Any
            ? await EditAsync(role, description, permissions, catalog, errors, StatusCodes.Status400BadRequest)
            : AdminResults.RedirectWithFlash(admin, "/admin/roles/" + Uri.EscapeDataString(name), admin.T("The role {0} is saved; it applies from the next page its users open.", name));
    }

    public static async Task<IResult> DeleteAsync(string name, AdminRequest admin, RoleEditor editor, PermissionCatalog catalog)
    {
        if (await editor.FindAsync(name) is not { } role)
        {
            return NotFound();
        }

        var errors = await editor.DeleteAsync(name);
        return errors.Any
            ? await EditAsync(role, role.Description, role.Permissions, catalog, errors, StatusCodes.Status400BadRequest)
            : AdminResults.RedirectWithFlash(admin, "/admin/roles", admin.T("The role {0} is deleted.", name));
    }

    private static async Task<IResult> EditAsync(RoleSummary role, string? description, IReadOnlyList<string> granted, PermissionCatalog catalog, FormErrors? errors, int status) =>
        AdminResults.Page<EditRolePage>(new Dictionary<string, object?>
        {
            ["Role"] = role,
            ["Description"] = description,
            ["Granted"] = granted.ToHashSet(StringComparer.Ordinal),
            ["Grid"] = PermissionGrid.From(await catalog.AllAsync()),
            ["Errors"] = errors,
        }, status);

    private static IResult NotFound() => AdminResults.Page<RoleNotFoundPage>(statusCode: StatusCodes.Status404NotFound);
}
