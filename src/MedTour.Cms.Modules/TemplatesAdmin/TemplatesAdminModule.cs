using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedTour.Cms.Modules.TemplatesAdmin;

/// <summary><c>/admin/templates</c>: a tenant's overrides of the theme's Liquid views, checked by Fluid, previewed, with history.</summary>
public static class TemplatesAdminModule
{
    public static IServiceCollection AddTemplatesAdminModule(this IServiceCollection services)
    {
        services.TryAddScoped<TemplateStore>();
        services.AddAdminMenuItem(new AdminMenuItem("Templates", "/templates", AdminPermissions.ManageTemplates, 60));
        return services;
    }

    public static IEndpointRouteBuilder MapTemplatesAdmin(this IEndpointRouteBuilder endpoints)
    {
        var templates = endpoints.MapAdminArea("/templates", AdminPermissions.ManageTemplates);
        templates.MapGet("", () => AdminResults.Page<TemplateListPage>()).WithName("AdminTemplates");
        templates.MapGet("/edit", TemplateEndpoints.EditAsync);
        templates.MapPost("/edit", TemplateEndpoints.SaveOrPreviewAsync);
        templates.MapPost("/revert", TemplateEndpoints.RevertAsync);
        templates.MapPost("/remove", TemplateEndpoints.RemoveAsync);
        return endpoints;
    }
}
