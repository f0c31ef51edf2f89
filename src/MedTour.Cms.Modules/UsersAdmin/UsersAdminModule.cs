using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.UsersAdmin;

/// <summary>The tenant's users in the admin: list and search, invite, roles, disable and enable, password reset (<c>ManageUsers</c>).</summary>
public static class UsersAdminModule
{
    public static IServiceCollection AddUsersAdminModule(this IServiceCollection services)
    {
        services.AddScoped<UserDirectory>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<InvitationMail>();
        services.AddScoped(UserMessages.For);
        services.AddAdminMenuItem(new AdminMenuItem("Users", "/users", AdminPermissions.ManageUsers, 80));
        return services;
    }

    public static IEndpointRouteBuilder MapUsersAdmin(this IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapAdminArea("/users", AdminPermissions.ManageUsers);
        users.MapGet("", UsersAdminEndpoints.ListAsync);
        users.MapGet("/invite", UsersAdminEndpoints.InvitePageAsync);
        users.MapPost("/invite", UsersAdminEndpoints.InviteAsync);
        users.MapGet("/{id}", UsersAdminEndpoints.EditPageAsync);
        users.MapPost("/{id}/roles", UsersAdminEndpoints.SetRolesAsync);
        users.MapPost("/{id}/disable", (string id, Microsoft.AspNetCore.Http.HttpContext http, [Microsoft.AspNetCore.Http.AsParameters] UsersAdminEndpoints.Services s) => UsersAdminEndpoints.SetDisabledAsync(id, true, http, s));
        users.MapPost("/{id}/enable", (string id, Microsoft.AspNetCore.Http.HttpContext http, [Microsoft.AspNetCore.Http.AsParameters] UsersAdminEndpoints.Services s) => UsersAdminEndpoints.SetDisabledAsync(id, false, http, s));
        users.MapPost("/{id}/reset-password", UsersAdminEndpoints.ResetPasswordAsync);
        return endpoints;
    }
}
