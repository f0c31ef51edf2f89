using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;

namespace MedTour.Cms.Modules;

/// <summary>
/// The query parameters a page reads (endpoint metadata, <see cref="PageEndpointExtensions.WithQuery"/>). Others are
/// taken off the request before the page runs, so links, canonical URLs and cache keys never carry them, and the
/// response is then not stored in the output cache (whose key holds the raw query): unknown parameters create no
/// entries anywhere.
/// </summary>
public sealed record PageQuery(IReadOnlyList<string> Keys)
{
    /// <summary>This response must not be kept by the output cache (it answers input that has no bound).</summary>
    public static void DoNotStore(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Features.Get<IOutputCacheFeature>() is { } feature)
        {
            feature.Context.AllowCacheStorage = false;
        }
    }
}
