using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Consultations.Activities;
using MedTour.Cms.Modules.Consultations.Admin;
using MedTour.Cms.Modules.Consultations.Routing;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Modules.Workflows.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Consultations;

/// <summary>The consultation flow beyond the form: routing to coordinators, their mails and links, the SLA, and the routing page.</summary>
public static class ConsultationsModule
{
    public static IServiceCollection AddConsultationsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsultationOptions>().Bind(configuration.GetSection("MedTour:Consultations"));
        services.AddScoped<TakeLinks>();
        services.AddScoped<ConsultationLinks>();
        services.AddScoped<RoutingSettingsStore>();
        services.AddScoped<CoordinatorDirectory>();
        services.AddScoped<ConditionSpecialties>();
        services.AddScoped<ConsultationAssigner>();
        services.AddSingleton<IActivity, RouteToCoordinatorTask>();
        services.AddSingleton<IActivity, NotifyCoordinatorTask>();
        services.AddSingleton<IActivity, SlaTimerEvent>();
        services.AddSingleton<IActivity, IfAcknowledgedTask>();
        services.AddSingleton<IActivity, AlertRegionalLeadTask>();
        services.AddSingleton<IActivity, ReassignCoordinatorTask>();
        services.AddAdminMenuItem(new AdminMenuItem("Routing", "/consultations/routing", AdminPermissions.ManageConsultationRouting, 75));
        return services;
    }

    public static IEndpointRouteBuilder MapConsultations(this IEndpointRouteBuilder endpoints)
    {
        var routing = endpoints.MapAdminArea("/consultations/routing", AdminPermissions.ManageConsultationRouting);
        routing.MapGet("", RoutingEndpoints.ShowAsync).WithName("AdminConsultationRouting");
        routing.MapPost("", RoutingEndpoints.SaveAsync);
        return endpoints;
    }
}
