using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.ImportExportAdmin;

/// <summary>
/// <c>/admin/import</c> (an Orchard-format recipe into this site) and <c>/admin/export</c> (chosen content types as a
/// recipe): the CLI's <c>recipe import</c> and <c>recipe export</c> in the admin, through the same Core services.
/// </summary>
public static class ImportExportAdminModule
{
    public static IServiceCollection AddImportExportAdminModule(this IServiceCollection services)
    {
        services.AddAdminMenuItem(new AdminMenuItem("Import", "/import", AdminPermissions.ImportExport, 80));
        services.AddAdminMenuItem(new AdminMenuItem("Export", "/export", AdminPermissions.ImportExport, 81));
        return services;
    }

    public static IEndpointRouteBuilder MapImportExportAdmin(this IEndpointRouteBuilder endpoints)
    {
        var import = endpoints.MapAdminArea("/import", AdminPermissions.ImportExport);
        import.MapGet("", () => AdminResults.Page<ImportPage>()).WithName("AdminImport");
        import.MapPost("", ImportExportEndpoints.ImportAsync);
        var export = endpoints.MapAdminArea("/export", AdminPermissions.ImportExport);
        export.MapGet("", () => AdminResults.Page<ExportPage>()).WithName("AdminExport");
        export.MapPost("", ImportExportEndpoints.ExportAsync);
        return endpoints;
    }
}
