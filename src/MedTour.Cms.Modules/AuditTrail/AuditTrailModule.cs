using MedTour.Cms.Content;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.AuditTrail.Handlers;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.AuditTrail;

/// <summary>The content audit trail: who created, saved, published, unpublished, deleted or restored what, when, from where.</summary>
public static class AuditTrailModule
{
    public static IServiceCollection AddAuditTrailModule(this IServiceCollection services)
    {
        services.AddScoped<IContentHandler, AuditTrailContentHandler>();
        services.AddScoped<AuditTrailQuery>();
        services.AddAdminMenuItem(new AdminMenuItem("Audit trail", "/audit-trail", AdminPermissions.ViewAuditTrail, 80));
        return services;
    }

    public static IEndpointRouteBuilder MapAuditTrail(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapAdminArea("/audit-trail", AdminPermissions.ViewAuditTrail);
        audit.MapGet("", ListAsync).WithName("AuditTrail");
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpContext http, AdminRequest admin, AuditTrailQuery query, ContentDefinitionManager definitions)
    {
        var types = (await definitions.GetAsync(http.RequestAborted)).ContentTypeDefinitionRecords.Select(t => t.Name).ToList();
        var errors = new FormErrors();
        var filter = AuditTrailFilter.Parse(http.Request.Query, types, admin, errors);
        var parameters = new Dictionary<string, object?> { ["Filter"] = filter, ["Types"] = types, ["Errors"] = errors };
        if (errors.Any)
        {
            return AdminResults.Page<AuditTrailPage>(parameters, StatusCodes.Status400BadRequest);
        }

        var (events, total) = await query.PageAsync(filter, http.RequestAborted);
        parameters["Events"] = events;
        parameters["Total"] = total;
        return AdminResults.Page<AuditTrailPage>(parameters);
    }
}
