using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MedTour.Cms.Modules.Admin;

/// <summary>Admin pages are Razor components rendered on the server (static SSR) inside <c>AdminLayout</c>.</summary>
public static class AdminResults
{
    /// <summary>Renders <typeparamref name="TPage"/> with <paramref name="parameters"/> (its [Parameter] properties by name).</summary>
    public static IResult Page<TPage>(IReadOnlyDictionary<string, object?>? parameters = null, int statusCode = StatusCodes.Status200OK)
        where TPage : IComponent =>
        new RazorComponentResult<TPage>(parameters ?? new Dictionary<string, object?>()) { StatusCode = statusCode, ContentType = "text/html; charset=utf-8" };

    /// <summary>Post/redirect/get: back to an admin URL of this tenant, with a message shown once.</summary>
    public static IResult RedirectWithFlash(AdminRequest admin, string path, string message)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.Flash(message);
        return Results.Redirect(admin.Url(path));
    }
}
