using MedTour.Cms.Display;
using MedTour.Cms.Modules.Caching;
using MedTour.Cms.Modules.Localization;
using MedTour.Cms.Modules.Seo;
using MedTour.Cms.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Site;

/// <summary>The public site's plumbing shared by every theme: assets, translations, SEO, output caching, problem pages.</summary>
public static class SiteModule
{
    public static IServiceCollection AddSiteModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ThemeAssets>();
        services.AddSingleton<ILiquidFilterProvider>(sp => sp.GetRequiredService<ThemeAssets>());
        services.AddSingleton<PoCatalog>();
        services.AddSingleton<LanguageNames>();
        services.AddSingleton<ILiquidFilterProvider, LocalizationFilters>();
        services.AddSingleton<LocalizationSetDirectory>();
        services.AddCachingModule(configuration);
        return services;
    }
}
