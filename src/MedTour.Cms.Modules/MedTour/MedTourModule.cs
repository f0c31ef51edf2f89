using MedTour.Cms.Content.Parts;
using MedTour.Cms.Display;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.MedTour;

/// <summary>MedTour's own concepts on top of the engine: the consultation form part and the article shortcodes.</summary>
public static class MedTourModule
{
    public static IServiceCollection AddMedTourModule(this IServiceCollection services)
    {
        services.AddSingleton(new FeatureDescriptor("MedTour", "Regional sites: clinics, doctors, treatments, coordinators and the consultation form."));
        services.AddSingleton<IContentPartHandler>(new SimplePartHandler("FormPart"));
        services.AddSingleton<ILiquidFilterProvider, ShortcodeFilters>();
        return services;
    }
}
