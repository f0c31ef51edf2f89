using MedTour.Cms.Display;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Contents;

public static class ContentsModule
{
    public static IServiceCollection AddContentsModule(this IServiceCollection services)
    {
        services.AddSingleton<ILiquidFilterProvider, ContentLiquidFilters>();
        services.AddSingleton<ILiquidFilterProvider, ContentItemFilters>();
        services.AddSingleton<ILiquidFilterProvider, MarkupFilters>();
        services.AddSingleton<ILiquidFilterProvider, SiteFilters>();
        services.AddScoped<HomeRoute>();
        services.AddScoped<Content.IContentHandler, SetHomepageHandler>();
        services.AddScoped<IContentPageComposer, ContentFieldsComposer>();
        return services;
    }
}
