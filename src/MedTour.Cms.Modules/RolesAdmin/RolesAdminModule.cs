using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.RolesAdmin;

/// <summary>The tenant's roles in the admin: list, create, edit a role's permissions, delete (<c>ManageRoles</c>).</summary>
public static class RolesAdminModule
{
    public static IServiceCollection AddRolesAdminModule(this IServiceCollection services)
    {
        services.AddScoped<RoleEditor>();
        services.AddAdminMenuItem(new AdminMenuItem("Roles", "/roles", AdminPermissions.ManageRoles, 85));
        return services;
    }

    public static IEndpointRouteBuilder MapRolesAdmin(this IEndpointRouteBuilder endpoints)
    {
        var roles = endpoints.MapAdminArea("/roles", AdminPermissions.ManageRoles);
        roles.MapGet("", RolesAdminEndpoints.ListAsync);
        roles.MapGet("/new", RolesAdminEndpoints.NewPageAsync);
        roles.MapPost("/new", RolesAdminEndpoints.CreateAsync);
        roles.MapGet("/{name}", RolesAdminEndpoints.EditPageAsync);
        roles.MapPost("/{name}", RolesAdminEndpoints.SaveAsync);
        roles.MapPost("/{name}/delete", RolesAdminEndpoints.DeleteAsync);
        return endpoints;
    }
}
