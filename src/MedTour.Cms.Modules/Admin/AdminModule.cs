using MedTour.Cms.Modules.Admin.Dashboard;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedTour.Cms.Modules.Admin;

/// <summary>
/// The admin shell: server-rendered Razor components in one layout, navigation from the modules' menu items,
/// the admin culture, the front-end bundles, and the dashboard. Each admin area is its own module that maps a
/// group with <see cref="AdminRouteGroups.MapAdminArea"/> and adds a menu item with <see cref="AddAdminMenuItem"/>.
/// </summary>
public static class AdminModule
{
    public static IServiceCollection AddAdminModule(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddHttpContextAccessor();
        services.TryAddSingleton<AdminText>();
        services.TryAddSingleton<AdminAssets>();
        services.TryAddScoped<AdminRequest>();
        services.AddAdminMenuItem(new AdminMenuItem("Dashboard", string.Empty, AdminPermissions.AccessAdminPanel, 0));
        // A signed-in user without the permission gets a 403 page, not a redirect to a page that does not exist.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, cookie =>
            cookie.Events.OnRedirectToAccessDenied = async context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.Headers.CacheControl = "no-store";
                await AdminResults.Page<ForbiddenPage>(statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context.HttpContext);
            });
        return services;
    }

    public static IServiceCollection AddAdminMenuItem(this IServiceCollection services, AdminMenuItem item) => services.AddSingleton(item);

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapAdminArea(string.Empty);
        admin.MapGet("", () => AdminResults.Page<DashboardPage>()).WithName("Admin");
        admin.MapPost("/culture", ChooseCultureAsync).WithName("AdminCulture");
        return endpoints;
    }

    private static async Task<IResult> ChooseCultureAsync(HttpContext http, AdminRequest admin)
    {
        var form = await http.Request.ReadFormAsync();
        var culture = form["culture"].ToString();
        if (!AdminText.Cultures.Contains(culture))
        {
            return Results.BadRequest($"culture: choose one of {string.Join(", ", AdminText.Cultures)}.");
        }

        http.Response.Cookies.Append(AdminRequest.CultureCookie, culture, new CookieOptions
        {
            Path = admin.Url("/admin"), HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true,
        });
        // Only a local admin URL: the field comes from the form, and an open redirect would be a phishing aid.
        var back = form["returnUrl"].ToString();
        return Results.LocalRedirect(back.StartsWith(admin.Url("/admin"), StringComparison.Ordinal) && !back.StartsWith("//", StringComparison.Ordinal) ? back : admin.Url("/admin"));
    }
}
