using MedTour.Cms.Content.Indexing;
using MedTour.Cms.Modules.Search.Indexing;
using MedTour.Cms.Modules.Search.Lucene;
using MedTour.Cms.Modules.Search.Pages;
using MedTour.Cms.Modules.Search.Querying;
using MedTour.Cms.Modules.Search.Queries;
using MedTour.Cms.Display;
using MedTour.Cms.Recipes;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedTour.Cms.Modules.Search;

/// <summary>Full-text search with Lucene.Net: indexes per tenant and culture fed by indexing tasks, the search page and API, Orchard's index and query recipes.</summary>
public static class SearchModule
{
    public static IServiceCollection AddSearchModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection("MedTour:Search"))
            .Validate(o => o.BatchSize > 0 && o.PageSize > 0 && o.PollInterval > TimeSpan.Zero, "MedTour:Search: BatchSize, PageSize and PollInterval must be positive.");
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SearchIndexStore>();
        services.AddSingleton<ITenantObserver, SearchTenantObserver>();
        services.AddSingleton<SearchDocumentBuilder>();
        services.AddSingleton<IndexingSignal>();
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<IndexingTaskPruner>();
        services.AddScoped<IContentIndexObserver, IndexingTaskObserver>();
        services.AddScoped<ISearchService, SearchService>();
        services.AddScoped<QueryRunner>();
        services.AddScoped<IRecipeStepHandler, QueriesStep>();
        services.AddScoped<IRecipeStepHandler, LuceneIndexStep>();
        services.AddSingleton<ILiquidFilterProvider, QueryLiquidFilter>();
        services.AddSingleton<SearchIndexingService>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexingService>());
        return services;
    }

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSearchPages();
        endpoints.MapQueries();
        return endpoints;
    }
}
