using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Graph.Schema;
using MedTour.Cms.Modules.Graph.Tokens;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedTour.Cms.Modules.Graph;

/// <summary>The headless GraphQL API (issue 9, ADR 0021): endpoint, per-tenant schema cache, API tokens and their admin page.</summary>
public static class GraphQLModule
{
    public static IServiceCollection AddGraphQLModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphQLOptions>().Bind(configuration.GetSection("MedTour:GraphQL"));
        services.TryAddSingleton<ContentSchemaBuilder>();
        services.TryAddSingleton<TenantSchemaCache>();
        services.AddSingleton<ITenantObserver>(sp => sp.GetRequiredService<TenantSchemaCache>());
        services.TryAddSingleton<GraphExecutor>();
        services.TryAddSingleton<PersistedQueries>();
        services.TryAddScoped<ApiTokenStore>();
        services.AddScoped<IPermissionProvider, GraphQLPermissions>();
        services.AddAdminMenuItem(new AdminMenuItem("API tokens", "/api-tokens", GraphQLPermissions.ManageApiTokens, 80));
        services.AddAdminMenuItem(new AdminMenuItem("GraphQL explorer", "/graphql", GraphQLPermissions.UseGraphiQL, 81));
        return services;
    }

    public static IEndpointRouteBuilder MapGraphQL(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/graphql", GraphQLEndpoint.HandleAsync).WithName("GraphQL");
        endpoints.MapPost("/api/graphql", GraphQLEndpoint.HandleAsync).WithName("GraphQLPost");
        ApiTokenEndpoints.Map(endpoints);
        Explorer.GraphiQLEndpoints.Map(endpoints);
        return endpoints;
    }
}
