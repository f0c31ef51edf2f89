using MedTour.Cms.Display;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Contents;

public static class ContentsModule
{
    public static IServiceCollection AddContentsModule(this IServiceCollection services)
    {
        services.AddSingleton<ILiquidFilterProvider, ContentLiquidFilters>();
        return services;
    }
}
