using MedTour.Cms.Content;
using MedTour.Cms.Display;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Caching;

/// <summary>
/// Public pages are kept in memory (ASP.NET Core output caching), keyed by host, path base (tenant), path
/// (culture prefix included) and query, and evicted by tag when what they show changes.
/// </summary>
public static class CachingModule
{
    public static IServiceCollection AddCachingModule(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            options.AddBasePolicy(policy => policy
                .With(context => context.HttpContext.RequestServices.GetRequiredService<CurrentTenant>().IsSet
                    && context.HttpContext.User.Identity?.IsAuthenticated != true)
                // The culture prefix (/ua/ru/…) is taken off the path before routing, so the culture is part of the key.
                // The key carries the tenant too: after a tenant is removed its old path may belong to another.
                .VaryByValue(context => new KeyValuePair<string, string>(
                    "site",
                    context.RequestServices.GetRequiredService<CurrentTenant>().Name + "|" + context.RequestServices.GetRequiredService<PageCulture>().Name))
                .Expire(TimeSpan.FromMinutes(30)));
        });
        services.AddScoped<IContentHandler, OutputCacheEvictionHandler>();
        services.AddSingleton<ITenantObserver, OutputCacheTenantObserver>();
        return services;
    }
}
