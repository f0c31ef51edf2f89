using MedTour.Cms.Data;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.Consultations.Routing;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.Consultations.Admin;

/// <summary><c>/admin/consultations/routing</c>: shows and saves the ladder, the SLA and the working hours; a refused form changes nothing.</summary>
internal static class RoutingEndpoints
{
    public static async Task<IResult> ShowAsync(RoutingSettingsStore store) =>
        Page(RoutingForm.From(await store.GetAsync()), null, StatusCodes.Status200OK);

    public static async Task<IResult> SaveAsync(HttpContext http, AdminRequest admin, RoutingSettingsStore store, UnitOfWork unitOfWork)
    {
        var form = RoutingForm.Read(await http.Request.ReadFormAsync());
        var (settings, errors) = form.ToSettings(admin);
        if (settings is null)
        {
            return Page(form, errors, StatusCodes.Status400BadRequest);
        }

        await using (var transaction = await unitOfWork.BeginAsync(http.RequestAborted))
        {
            await store.SaveAsync(settings, http.RequestAborted);
            await transaction.CommitAsync(http.RequestAborted);
        }

        return AdminResults.RedirectWithFlash(admin, "/admin/consultations/routing", admin.T("Routing saved."));
    }

    private static IResult Page(RoutingForm form, FormErrors? errors, int status) =>
        AdminResults.Page<RoutingPage>(new Dictionary<string, object?> { ["Form"] = form, ["Errors"] = errors }, status);
}
