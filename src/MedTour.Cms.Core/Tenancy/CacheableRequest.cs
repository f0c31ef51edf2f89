using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Tenancy;

/// <summary>
/// Marks a request none of whose pieces may be cached (an undeclared Host, see <see cref="TenantHostResolver"/>):
/// the output cache, the fragment cache and host-keyed entries check it. Work outside a request may cache.
/// </summary>
public static class CacheableRequest
{
    private static readonly object Key = new();

    public static void Forbid(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[Key] = Key;
    }

    public static bool IsAllowed(HttpContext? context) => context is null || !context.Items.ContainsKey(Key);
}
