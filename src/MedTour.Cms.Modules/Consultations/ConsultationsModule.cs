using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Consultations;

/// <summary>The consultation flow beyond the form: routing to coordinators, their mails and links, the SLA.</summary>
public static class ConsultationsModule
{
    public static IServiceCollection AddConsultationsModule(this IServiceCollection services)
    {
        services.AddScoped<TakeLinks>();
        return services;
    }
}
