using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules;

/// <summary>Keeps only the query parameters the page declares (<see cref="PageQuery"/>); every page endpoint has it.</summary>
internal sealed class PageQueryFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var request = http.Request;
        if (request.QueryString.HasValue)
        {
            var keys = http.GetEndpoint()?.Metadata.GetMetadata<PageQuery>()?.Keys ?? [];
            var query = request.Query;
            var kept = query.Where(q => keys.Contains(q.Key, StringComparer.OrdinalIgnoreCase)).ToList();
            if (kept.Count != query.Count)
            {
                PageQuery.DoNotStore(http);
                request.QueryString = QueryString.Create(kept);
            }
        }

        return next(context);
    }
}
