using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.SettingsAdmin;

/// <summary><c>/admin/settings</c>: the site's name, cultures, phone lines, time zone, robots.txt and fallback coordinator inbox.</summary>
public static class SettingsAdminModule
{
    public static IServiceCollection AddSettingsAdminModule(this IServiceCollection services)
    {
        services.AddAdminMenuItem(new AdminMenuItem("Settings", "/settings", AdminPermissions.ManageSettings, 70));
        return services;
    }

    public static IEndpointRouteBuilder MapSettingsAdmin(this IEndpointRouteBuilder endpoints)
    {
        var settings = endpoints.MapAdminArea("/settings", AdminPermissions.ManageSettings);
        settings.MapGet("", SettingsEndpoints.ShowAsync).WithName("AdminSettings");
        settings.MapPost("", SettingsEndpoints.SaveAsync);
        return endpoints;
    }
}
