using System.Security.Cryptography;
using System.Text;
using MedTour.Cms.Caching;
using MedTour.Cms.Content.Caching;
using MedTour.Cms.Data;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Display;

/// <summary>
/// Rendered pieces of pages (an article body with its shortcodes, an item's summary card), kept per tenant under
/// the tenant's content version, the tenant registry's version, page culture, scheme, host and path base, so any publish or
/// tenant change makes them unreachable. The output-cache tags a piece added while rendering are replayed when it is
/// reused. Requests on undeclared hosts render without it (<see cref="CacheableRequest"/>). Keys must be made of what
/// the piece reads, never of raw request input (query strings). Scoped.
/// </summary>
public sealed class FragmentCache(TenantCache cache, CurrentTenant tenant, TenantRegistry registry, ContentVersions versions, CacheTags tags, PageCulture culture, IHttpContextAccessor http)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public ValueTask<string> GetOrRenderAsync(string kind, string key, Func<ValueTask<string>> render) => GetOrAddAsync(kind, key, render);

    /// <summary>
    /// Any piece of a page (rendered HTML, a composed page model). The value is shared between requests: it must
    /// not be changed after it is made.
    /// </summary>
    public async ValueTask<T> GetOrAddAsync<T>(string kind, string key, Func<ValueTask<T>> make) where T : class
    {
        ArgumentNullException.ThrowIfNull(make);
        if (!CacheableRequest.IsAllowed(http.HttpContext))
        {
            return await make();
        }

        var request = http.HttpContext?.Request;
        var full = $"fragment:{versions.Current(tenant.Name)}:{registry.Version}:{culture.Name}:{request?.Scheme}://{request?.Host.Value?.ToLowerInvariant()}{request?.PathBase}:{kind}:{key}";
        if (cache.TryGet<Fragment<T>>(tenant.Name, full, out var fragment) && fragment is not null)
        {
            foreach (var tag in fragment.Tags)
            {
                tags.Add(tag);
            }

            return fragment.Value;
        }

        var before = tags.All.ToHashSet(StringComparer.Ordinal);
        var value = await make();
        var added = tags.All.Where(t => !before.Contains(t)).ToArray();
        cache.Set(tenant.Name, full, new Fragment<T>(value, added), Lifetime, CacheSize.Of(value) + CacheSize.Of(added));
        return value;
    }

    /// <summary>A key for a long text (a body): its SHA-256.</summary>
    public static string KeyOf(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed record Fragment<T>(T Value, string[] Tags);
}
