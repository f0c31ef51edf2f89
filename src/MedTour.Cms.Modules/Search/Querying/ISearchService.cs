namespace MedTour.Cms.Modules.Search.Querying;

/// <summary>Full-text search over the current tenant's published items in one culture (search page, JSON API, GraphQL). Scoped.</summary>
public interface ISearchService
{
    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);
}
