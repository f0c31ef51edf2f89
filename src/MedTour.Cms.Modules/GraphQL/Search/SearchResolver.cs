using GraphQL;
using MedTour.Cms.Modules.Graph.Query;
using MedTour.Cms.Modules.Graph.Schema;
using MedTour.Cms.Modules.Search.Querying;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Graph.Search;

/// <summary>Runs <c>search</c> through <see cref="ISearchService"/>; a query it refuses is a GraphQL error naming the argument.</summary>
public static class SearchResolver
{
    public const int DefaultFirst = 10;

    // The search module caps a page at 100 hits.
    private const int MaxFirst = 100;

    public static async ValueTask<object?> SearchAsync(IResolveFieldContext context)
    {
        var graph = GraphContext.Of(context);
        var first = Gql.Value<int?>(context, "first") ?? DefaultFirst;
        if (first < 1 || first > Math.Min(MaxFirst, graph.MaxFirst))
        {
            throw new ExecutionError($"first: must be between 1 and {Math.Min(MaxFirst, graph.MaxFirst)}.") { Code = "FIRST_OUT_OF_RANGE" };
        }

        var page = Gql.Value<int?>(context, "page") ?? 1;
        var request = new SearchRequest(
            Gql.Value<string>(context, "query") ?? string.Empty,
            Gql.Value<string>(context, "culture") ?? graph.Tenant.DefaultCulture,
            Blank(Gql.Value<string>(context, "type")),
            Blank(Gql.Value<string>(context, "country")),
            Blank(Gql.Value<string>(context, "specialty")),
            page,
            first);
        var results = await context.RequestServices!.GetRequiredService<ISearchService>().SearchAsync(request, context.CancellationToken);
        if (results.Problem is { } problem && (problem.StartsWith("q: ", StringComparison.Ordinal) && results.Query.Length > 0 && problem.Contains("at most", StringComparison.Ordinal)
            || problem.StartsWith("page: a page", StringComparison.Ordinal)))
        {
            // The search module names its query-string keys (q, page); here the argument is called query.
            throw new ExecutionError(problem.StartsWith("q: ", StringComparison.Ordinal) ? "query: " + problem[3..] : problem) { Code = "SEARCH_INVALID" };
        }

        // Any publish can change a search's answer: it is never kept by the output cache.
        graph.DoNotStore = true;
        return results;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
