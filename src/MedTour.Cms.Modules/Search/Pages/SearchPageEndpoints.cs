using MedTour.Cms.Display;
using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Modules.Search.Querying;
using MedTour.Cms.Modules.Site;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MedTour.Cms.Modules.Search.Pages;

/// <summary>
/// The search page (<c>/search</c>, plain GET form, works without JavaScript) and <c>GET /api/search</c> (JSON), both
/// over <see cref="ISearchService"/> in the page's culture. Results are never kept by the output cache.
/// </summary>
public static class SearchPageEndpoints
{
    public static IEndpointRouteBuilder MapSearchPages(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").WithTags("Search").RequireFeature("Contents");
        group.MapPage("/search", PageAsync).WithQuery(SearchQueryString.Keys).WithName("Search");
        group.MapGet("/api/search", ApiAsync).WithName("SearchApi");
        return endpoints;
    }

    private static async Task<IResult> PageAsync(HttpContext http, ISearchService search, PageRenderer renderer, PageCulture culture)
    {
        PageQuery.DoNotStore(http);
        var (request, problem) = SearchQueryString.Read(http, culture.Name);
        if (request is null)
        {
            throw new PageProblemException(StatusCodes.Status400BadRequest, problem!);
        }

        var results = await search.SearchAsync(request, http.RequestAborted);
        switch (results.Problem)
        {
            case { } message when message.StartsWith("q: a search has", StringComparison.Ordinal):
                throw new PageProblemException(StatusCodes.Status400BadRequest, message);
            case { } message when message.StartsWith("page: there are only", StringComparison.Ordinal):
                // As on every list: a page past the last is not found.
                throw new PageProblemException(StatusCodes.Status404NotFound, message);
        }

        var baseUrl = http.Request.PathBase + culture.Prefix + "/search";
        var model = SearchPageModel.Build(results, request, baseUrl, http.Request.PathBase.Value ?? string.Empty);
        return await renderer.RenderAsync(http, new PageModel(["Search"], model) { Title = "Search", NoIndex = true });
    }

    private static async Task<IResult> ApiAsync(HttpContext http, ISearchService search, PageCulture culture)
    {
        PageQuery.DoNotStore(http);
        var (request, problem) = SearchQueryString.Read(http, culture.Name);
        if (request is null)
        {
            return Results.Json(new { error = problem, field = "page" }, statusCode: StatusCodes.Status400BadRequest);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var results = await search.SearchAsync(request, http.RequestAborted);
        // The search's own time (what bench/ judges), apart from serialization and the network.
        http.Response.Headers["Server-Timing"] = FormattableString.Invariant($"search;dur={System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.###}");
        if (results.Problem is { } message && (message.StartsWith("q: a search has", StringComparison.Ordinal) || message.StartsWith("page: a page", StringComparison.Ordinal)))
        {
            return Results.Json(new { error = message, field = message[..message.IndexOf(':', StringComparison.Ordinal)] }, statusCode: StatusCodes.Status400BadRequest);
        }

        var pathBase = http.Request.PathBase.Value ?? string.Empty;
        return Results.Json(new
        {
            query = results.Query,
            total = results.Total,
            page = results.Page,
            pageSize = results.PageSize,
            pageCount = results.PageCount,
            fuzzy = results.Fuzzy,
            someWords = results.SomeWords,
            message = results.Problem,
            hits = results.Hits.Select(h => new
            {
                contentItemId = h.ContentItemId,
                contentType = h.ContentType,
                title = h.Title,
                titleHtml = h.TitleHtml,
                snippet = h.SnippetHtml,
                url = h.Path is null ? null : pathBase + "/" + h.Path,
                score = h.Score,
            }),
            facets = results.Facets.ToDictionary(f => f.Key, f => f.Value.Select(v => new { value = v.Value, label = v.Label, count = v.Count, selected = v.Selected })),
        });
    }
}
