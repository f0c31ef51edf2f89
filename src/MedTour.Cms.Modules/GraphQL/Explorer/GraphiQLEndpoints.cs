using MedTour.Cms.Modules.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace MedTour.Cms.Modules.Graph.Explorer;

/// <summary><c>/admin/graphql</c>: the GraphiQL page. It reads nothing itself: what a query sees is decided by the token typed into it.</summary>
public static class GraphiQLEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapAdminArea("/graphql", GraphQLPermissions.UseGraphiQL)
            .MapGet("", () => AdminResults.Page<GraphiQLPage>(new Dictionary<string, object?>()));
}
