using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.SearchAdmin;

/// <summary><c>/admin/search</c>: the tenant's search indexes (documents, last task applied, lag), a rebuild with progress, a query tester.</summary>
public static class SearchAdminModule
{
    public static IServiceCollection AddSearchAdminModule(this IServiceCollection services)
    {
        services.AddAdminMenuItem(new AdminMenuItem("Search", "/search", AdminPermissions.ManageSearch, 75));
        services.AddScoped<SearchStatusReader>();
        return services;
    }

    public static IEndpointRouteBuilder MapSearchAdmin(this IEndpointRouteBuilder endpoints)
    {
        var search = endpoints.MapAdminArea("/search", AdminPermissions.ManageSearch).RequireFeature("Contents");
        search.MapGet("", SearchAdminEndpoints.ShowAsync).WithName("AdminSearch");
        search.MapGet("/status", SearchAdminEndpoints.StatusAsync).WithName("AdminSearchStatus");
        search.MapPost("/rebuild", SearchAdminEndpoints.RebuildAsync);
        search.MapPost("/query", SearchAdminEndpoints.QueryAsync);
        return endpoints;
    }
}
