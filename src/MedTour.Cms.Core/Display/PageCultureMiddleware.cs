using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Display;

/// <summary>Reads the culture prefix (<c>/ru/…</c>) of a multi-culture site and removes it from the path the endpoints see.</summary>
public sealed class PageCultureMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentTenant tenant, PageCulture culture)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(culture);
        if (!tenant.IsSet)
        {
            return next(context);
        }

        var settings = tenant.Settings;
        culture.Set(settings.DefaultCulture, string.Empty);
        var path = context.Request.Path.Value ?? "/";
        foreach (var other in settings.Cultures.Skip(1))
        {
            var prefix = "/" + other;
            if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (path.Length == prefix.Length || path[prefix.Length] == '/'))
            {
                culture.Set(other, prefix);
                context.Request.Path = path.Length == prefix.Length ? "/" : path[prefix.Length..];
                break;
            }
        }

        return next(context);
    }
}
