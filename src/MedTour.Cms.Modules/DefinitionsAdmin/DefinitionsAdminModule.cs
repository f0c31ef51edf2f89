using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedTour.Cms.Modules.DefinitionsAdmin;

/// <summary><c>/admin/definitions</c>: content types, their parts and settings, and the fields of each type's own part.</summary>
public static class DefinitionsAdminModule
{
    public static IServiceCollection AddDefinitionsAdminModule(this IServiceCollection services)
    {
        services.TryAddScoped<DefinitionEditor>();
        services.AddAdminMenuItem(new AdminMenuItem("Content definitions", "/definitions", AdminPermissions.EditContentTypes, 50));
        return services;
    }

    public static IEndpointRouteBuilder MapDefinitionsAdmin(this IEndpointRouteBuilder endpoints)
    {
        var definitions = endpoints.MapAdminArea("/definitions", AdminPermissions.EditContentTypes);
        definitions.MapGet("", () => AdminResults.Page<TypeListPage>()).WithName("AdminDefinitions");
        definitions.MapPost("", DefinitionEndpoints.CreateTypeAsync);
        definitions.MapGet("/{type}", DefinitionEndpoints.EditTypeAsync);
        definitions.MapPost("/{type}", DefinitionEndpoints.SaveTypeAsync);
        definitions.MapPost("/{type}/remove", DefinitionEndpoints.RemoveTypeAsync);
        definitions.MapPost("/{type}/fields", DefinitionEndpoints.AddFieldAsync);
        definitions.MapGet("/{type}/fields/{field}", DefinitionEndpoints.EditFieldAsync);
        definitions.MapPost("/{type}/fields/{field}", DefinitionEndpoints.SaveFieldAsync);
        definitions.MapPost("/{type}/fields/{field}/remove", DefinitionEndpoints.RemoveFieldAsync);
        return endpoints;
    }
}
