using MedTour.Cms.Content.Parts;
using MedTour.Cms.Display;
using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Modules.MedTour.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.MedTour;

/// <summary>MedTour's own concepts on top of the engine: its pages (home, lists, item pages), the consultation form part and the article shortcodes.</summary>
public static class MedTourModule
{
    public static IServiceCollection AddMedTourModule(this IServiceCollection services)
    {
        services.AddSingleton(new FeatureDescriptor("MedTour", "Regional sites: clinics, doctors, treatments, coordinators and the consultation form."));
        services.AddSingleton<IContentPartHandler>(new SimplePartHandler("FormPart"));
        services.AddSingleton<ILiquidFilterProvider, ShortcodeFilters>();
        services.AddHttpContextAccessor();
        services.AddScoped<SiteItems>();
        services.AddScoped<ListContext>();
        services.AddScoped<IHomePageComposer, HomePage>();
        services.AddScoped<IContentPageComposer, ArticlePage>();
        services.AddScoped<IContentPageComposer, ClinicPage>();
        services.AddScoped<IContentPageComposer, DoctorPage>();
        services.AddScoped<IContentPageComposer, TreatmentPage>();
        services.AddScoped<IContentPageComposer, PersonPage>();
        services.AddScoped<IContentPageComposer, TermPage>();
        return services;
    }
}
