using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.ContentList;

/// <summary>The admin's content list (all types or one), its filters and sorts, and bulk publish/unpublish/delete.</summary>
public static class ContentListModule
{
    public static IServiceCollection AddContentListModule(this IServiceCollection services)
    {
        services.AddScoped<ContentListQuery>();
        services.AddScoped<ContentBulkService>();
        // Every admin user may open it; what they see in it is filtered by their content permissions (ContentVisibility).
        services.AddAdminMenuItem(new AdminMenuItem("Content", "/content", AdminPermissions.AccessAdminPanel, 10, NeedsContentPermission: true));
        return services;
    }

    public static IEndpointRouteBuilder MapContentList(this IEndpointRouteBuilder endpoints)
    {
        var content = endpoints.MapAdminArea("/content").RequireAnyContentPermission();
        content.MapGet("", ContentListEndpoints.ListAsync).WithName("ContentList");
        content.MapPost("/bulk", ContentListEndpoints.ConfirmBulkAsync).WithName("ContentBulkConfirm");
        content.MapPost("/bulk/run", ContentListEndpoints.RunBulkAsync).WithName("ContentBulkRun");
        return endpoints;
    }
}
