using MedTour.Cms.Data;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Settings;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.SettingsAdmin;

/// <summary>Shows and saves the settings: every field is checked first, so a refused form changes nothing.</summary>
internal static class SettingsEndpoints
{
    public static async Task<IResult> ShowAsync(SiteSettingsStore settings, CurrentTenant tenant) =>
        Page(SiteSettingsForm.From(await settings.GetAsync(), tenant.Settings), null, StatusCodes.Status200OK);

    public static async Task<IResult> SaveAsync(HttpContext http, AdminRequest admin, SiteSettingsStore settings, CurrentTenant tenant, TenantManager manager,
        UnitOfWork unitOfWork, TenantChangeNotifier changes)
    {
        var form = SiteSettingsForm.Read(await http.Request.ReadFormAsync());
        var errors = form.Validate(admin, tenant.Settings.Region is not null);
        var changed = form.ApplyTo(tenant.Settings);
        try
        {
            manager.Validate(changed);
        }
        catch (TenantValidationException e)
        {
            errors.Add(e.Field == "Cultures" ? "cultures" : "phoneLines", e.Message);
        }

        if (errors.Any)
        {
            return Page(form, errors, StatusCodes.Status400BadRequest);
        }

        await using (var transaction = await unitOfWork.BeginAsync(http.RequestAborted))
        {
            await settings.SaveAsync(form.ApplyTo(await settings.GetAsync()));
            await changes.NotifyAfterCommitAsync();
            await transaction.CommitAsync(http.RequestAborted);
        }

        // The tenant's own settings (cultures, phone lines, display name) after the document: both were checked above.
        await manager.UpdateAsync(tenant.Name, t => form.ApplyTo(t) with { DisplayName = form.SiteName });
        return AdminResults.RedirectWithFlash(admin, "/admin/settings", admin.T("Settings saved."));
    }

    private static IResult Page(SiteSettingsForm form, FormErrors? errors, int status) =>
        AdminResults.Page<SettingsPage>(new Dictionary<string, object?> { ["Form"] = form, ["Errors"] = errors }, status);
}
