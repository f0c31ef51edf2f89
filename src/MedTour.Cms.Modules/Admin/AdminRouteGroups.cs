using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MedTour.Cms.Modules.Admin;

public static class AdminRouteGroups
{
    /// <summary>
    /// A route group under <c>/admin{path}</c> for one admin area: signed-in users of this tenant who hold
    /// <c>AccessAdminPanel</c> and <paramref name="permission"/> (403 otherwise), no caching, antiforgery on every
    /// post, the admin gates. Endpoints inside may require more with <c>.RequirePermission(…)</c>.
    /// </summary>
    public static RouteGroupBuilder MapAdminArea(this IEndpointRouteBuilder endpoints, string path, Permission? permission = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/admin" + path)
            .WithTags("Admin")
            .RequirePermission(AdminPermissions.AccessAdminPanel)
            .DisableAntiforgery() // checked by AdminEndpointFilter, which answers with a page rather than a bare 400
            .AddEndpointFilter<AdminEndpointFilter>();
        if (permission is not null)
        {
            group.RequirePermission(permission);
        }

        return group;
    }
}
