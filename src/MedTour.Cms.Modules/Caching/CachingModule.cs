using MedTour.Cms.Caching;
using MedTour.Cms.Content;
using MedTour.Cms.Display;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Caching;

/// <summary>
/// Public pages are kept in memory (ASP.NET Core output caching), keyed by host, path base (tenant), path
/// (culture prefix included) and query, and evicted by tag when what they show changes. Only declared hosts are
/// cached, and a response is stored only when its query holds nothing but the page's own, valid parameters
/// (<see cref="PageQuery"/>), so visitors cannot add entries at will; the store has a size limit (<c>MedTour:Cache</c>).
/// </summary>
public static class CachingModule
{
    public static IServiceCollection AddCachingModule(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("MedTour:OutputCache").Get<OutputCacheSettings>() ?? new OutputCacheSettings();
        var bounds = configuration.GetSection("MedTour:Cache").Get<CacheOptions>() ?? new CacheOptions();
        services.AddOutputCache(options =>
        {
            options.SizeLimit = bounds.OutputCacheMegabytes * CacheOptions.Megabyte;
            options.AddBasePolicy(policy => policy
                .With(context => settings.Enabled
                    && context.HttpContext.RequestServices.GetRequiredService<CurrentTenant>().IsSet
                    // Hosts no tenant declares: the key would hold the raw Host header.
                    && CacheableRequest.IsAllowed(context.HttpContext)
                    && context.HttpContext.User.Identity?.IsAuthenticated != true
                    && !context.HttpContext.Request.Path.StartsWithSegments("/login")
                    && !context.HttpContext.Request.Path.StartsWithSegments("/admin"))
                // The culture prefix (/ua/ru/…) is taken off the path before routing, so the culture is part of the key.
                // The key carries the tenant too: after a tenant is removed its old path may belong to another.
                .VaryByValue(context => new KeyValuePair<string, string>(
                    "site",
                    context.RequestServices.GetRequiredService<CurrentTenant>().Name + "|" + context.RequestServices.GetRequiredService<PageCulture>().Name))
                .Expire(TimeSpan.FromMinutes(settings.DurationMinutes)));
        });
        services.AddScoped<IContentHandler, OutputCacheEvictionHandler>();
        services.AddSingleton<ITenantObserver, OutputCacheTenantObserver>();
        return services;
    }
}

/// <summary>Configuration section <c>MedTour:OutputCache</c> (the benchmark switches it off to measure uncached pages).</summary>
public sealed class OutputCacheSettings
{
    public bool Enabled { get; set; } = true;
    public int DurationMinutes { get; set; } = 30;
}
