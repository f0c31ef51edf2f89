using MedTour.Cms.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Tenants;

public static class TenantsModule
{
    public static IServiceCollection AddTenantsModule(this IServiceCollection services)
    {
        services.AddSingleton(new FeatureDescriptor("Tenants", "Lets the Default tenant create and manage the other sites."));
        services.AddScoped<IRecipeStepHandler, TenantsStep>();
        return services;
    }
}
