using System.Security.Cryptography;
using System.Text;
using MedTour.Cms.Content.Caching;
using MedTour.Cms.Data;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Display;

/// <summary>
/// Rendered pieces of pages (an article body with its shortcodes, an item's summary card), kept per tenant under
/// the tenant's content version, page culture, host and path base, so any publish makes them unreachable. The
/// output-cache tags a piece added while rendering are replayed when it is reused. Scoped.
/// </summary>
public sealed class FragmentCache(TenantCache cache, CurrentTenant tenant, ContentVersions versions, CacheTags tags, PageCulture culture, IHttpContextAccessor http)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async ValueTask<string> GetOrRenderAsync(string kind, string key, Func<ValueTask<string>> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        var request = http.HttpContext?.Request;
        var full = $"fragment:{versions.Current(tenant.Name)}:{culture.Name}:{request?.Host}{request?.PathBase}:{kind}:{key}";
        if (cache.TryGet<Fragment>(tenant.Name, full, out var fragment) && fragment is not null)
        {
            foreach (var tag in fragment.Tags)
            {
                tags.Add(tag);
            }

            return fragment.Html;
        }

        var before = tags.All.ToHashSet(StringComparer.Ordinal);
        var html = await render();
        cache.Set(tenant.Name, full, new Fragment(html, [.. tags.All.Where(t => !before.Contains(t))]), Lifetime);
        return html;
    }

    /// <summary>A key for a long text (a body): its SHA-256.</summary>
    public static string KeyOf(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed record Fragment(string Html, string[] Tags);
}
