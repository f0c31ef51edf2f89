using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Recipes;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace MedTour.Cms.Modules.TenantsAdmin;

/// <summary>
/// The tenant admin's handlers. Validation is <see cref="TenantManager"/>'s own (a <see cref="TenantValidationException"/>
/// with the CLI's message, shown next to its field); nothing here checks a setting a second time.
/// </summary>
internal static class TenantEndpoints
{
    public static IResult List() => AdminResults.Page<TenantListPage>();

    public static IResult CreateForm() => CreatePage(TenantForm.Empty, null, StatusCodes.Status200OK);

    public static async Task<IResult> CreateAsync(HttpContext http, AdminRequest admin, TenantManager manager, TenantScopeFactory scopes, TenantRegistry registry,
        UserManager<IdentityUser> users, ILogger<TenantManager> logger)
    {
        var form = TenantForm.Read(await http.Request.ReadFormAsync());
        var errors = new FormErrors();
        try
        {
            manager.Validate(form.ToSettings());
        }
        catch (TenantValidationException e)
        {
            errors.Add(TenantForm.FieldOf(e.Field), e.Message);
        }

        await SiteAdministrator.CheckAsync(form, admin, users, errors);
        if (errors.Any)
        {
            return CreatePage(form with { AdminPassword = string.Empty }, errors, StatusCodes.Status400BadRequest);
        }

        TenantSettings created;
        try
        {
            // Create checks again (and the name, and the recipe), against the list on disk under its lock.
            created = manager.Create(form.ToSettings());
        }
        catch (TenantValidationException e)
        {
            return CreatePage(form with { AdminPassword = string.Empty }, errors.Add(TenantForm.FieldOf(e.Field), e.Message), StatusCodes.Status400BadRequest);
        }

        try
        {
            await manager.SetupAsync(created.Name, http.RequestAborted);
            await SiteAdministrator.CreateAsync(scopes, registry.Find(created.Name)!, form);
        }
        catch (Exception e) when (e is RecipeException or TenantValidationException)
        {
            // The tenant exists but is not set up: the list shows it with a "Set up" button to try again.
            logger.LogWarning(e, "Setup of tenant {Tenant} from the admin failed", created.Name);
            return AdminResults.RedirectWithFlash(admin, "/admin/tenants", admin.T("Tenant {0} was created but its setup failed: {1}", created.Name, e.Message));
        }

        return AdminResults.RedirectWithFlash(admin, "/admin/tenants", admin.T("Tenant {0} was created and set up.", created.Name));
    }

    public static async Task<IResult> SetupAsync(string name, HttpContext http, AdminRequest admin, TenantManager manager)
    {
        try
        {
            await manager.SetupAsync(name, http.RequestAborted);
            return AdminResults.RedirectWithFlash(admin, "/admin/tenants", admin.T("Tenant {0} was set up.", name));
        }
        catch (Exception e) when (e is RecipeException or TenantValidationException or TenantNotFoundException)
        {
            return AdminResults.RedirectWithFlash(admin, "/admin/tenants", admin.T("The setup of tenant {0} failed: {1}", name, e.Message));
        }
    }

    public static Task<IResult> DisableAsync(string name, AdminRequest admin, TenantManager manager) =>
        ChangeAsync(admin, name, () => manager.DisableAsync(name), admin.T("Tenant {0} is disabled.", name));

    public static Task<IResult> EnableAsync(string name, AdminRequest admin, TenantManager manager) =>
        ChangeAsync(admin, name, () => manager.EnableAsync(name), admin.T("Tenant {0} is enabled.", name));

    public static IResult RemoveForm(string name, TenantRegistry registry) =>
        registry.Find(name) is { } tenant ? RemovePage(tenant, null, StatusCodes.Status200OK) : Results.NotFound();

    public static async Task<IResult> RemoveAsync(string name, HttpContext http, AdminRequest admin, TenantRegistry registry, TenantManager manager)
    {
        if (registry.Find(name) is not { } tenant)
        {
            return Results.NotFound();
        }

        var typed = (await http.Request.ReadFormAsync())["confirm"].ToString().Trim();
        if (!string.Equals(typed, tenant.Name, StringComparison.Ordinal))
        {
            return RemovePage(tenant, new FormErrors().Add("confirm", admin.T("Type the tenant's name, {0}, to confirm.", tenant.Name)), StatusCodes.Status400BadRequest);
        }

        try
        {
            await manager.RemoveAsync(tenant.Name, cancellationToken: http.RequestAborted);
        }
        catch (TenantValidationException e)
        {
            return RemovePage(tenant, new FormErrors().Add("confirm", e.Message), StatusCodes.Status400BadRequest);
        }

        return AdminResults.RedirectWithFlash(admin, "/admin/tenants", admin.T("Tenant {0} was removed.", tenant.Name));
    }

    private static async Task<IResult> ChangeAsync(AdminRequest admin, string name, Func<Task<TenantSettings>> change, string done)
    {
        try
        {
            await change();
            return AdminResults.RedirectWithFlash(admin, "/admin/tenants", done);
        }
        catch (TenantNotFoundException)
        {
            return Results.NotFound();
        }
        catch (TenantValidationException e)
        {
            return AdminResults.RedirectWithFlash(admin, "/admin/tenants", e.Message);
        }
    }

    private static IResult CreatePage(TenantForm form, FormErrors? errors, int status) =>
        AdminResults.Page<TenantCreatePage>(new Dictionary<string, object?> { ["Form"] = form, ["Errors"] = errors }, status);

    private static IResult RemovePage(TenantSettings tenant, FormErrors? errors, int status) =>
        AdminResults.Page<TenantRemovePage>(new Dictionary<string, object?> { ["Tenant"] = tenant, ["Errors"] = errors }, status);
}
