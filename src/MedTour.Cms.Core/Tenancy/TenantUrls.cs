using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Tenancy;

/// <summary>
/// Absolute base URLs of tenants as seen from the current request: when the visitor came through a region's own
/// host (<c>ua.medtour.example</c>), other regions are linked by their hosts; otherwise by their URL prefix on the
/// same origin. (A region's host also answers for its prefix-less paths only.)
/// </summary>
public static class TenantUrls
{
    /// <summary>The base URL of <paramref name="target"/>, without a trailing slash.</summary>
    public static string BaseUrl(HttpRequest request, TenantSettings current, TenantSettings target)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(target);
        var origin = $"{request.Scheme}://{request.Host}";
        if (string.Equals(target.Name, current.Name, StringComparison.OrdinalIgnoreCase))
        {
            return origin + request.PathBase;
        }

        if (IsHostAccess(request, current))
        {
            var port = request.Host.Port is { } p ? ":" + p : string.Empty;
            if (target.RequestUrlHosts.Count > 0)
            {
                var host = target.RequestUrlHosts[0];
                return $"{request.Scheme}://{host}{(host.Contains(':', StringComparison.Ordinal) ? "" : port)}";
            }
        }

        return origin + (string.IsNullOrEmpty(target.RequestUrlPrefix) ? string.Empty : "/" + target.RequestUrlPrefix);
    }

    private static bool IsHostAccess(HttpRequest request, TenantSettings current) =>
        current.RequestUrlHosts.Any(h => string.Equals(h, request.Host.Value, StringComparison.OrdinalIgnoreCase) || string.Equals(h, request.Host.Host, StringComparison.OrdinalIgnoreCase));
}
