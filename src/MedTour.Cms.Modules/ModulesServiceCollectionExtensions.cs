using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Modules.MedTour;
using MedTour.Cms.Modules.Setup;
using MedTour.Cms.Modules.Site;
using MedTour.Cms.Modules.Tenants;
using MedTour.Cms.Modules.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules;

public static class ModulesServiceCollectionExtensions
{
    /// <summary>Every module of this host. A module is a folder with one AddXxxModule method.</summary>
    public static IServiceCollection AddMedTourModules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddContentsModule();
        services.AddSiteModule(configuration);
        services.AddTenantsModule();
        services.AddMedTourModule();
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection("MedTour:Admin"));
        services.AddSingleton<AdministratorBootstrap>();
        services.AddSingleton<SetupStatus>();
        services.AddSingleton<SiteSetup>();
        services.AddHostedService<FirstRunSetup>();
        return services;
    }
}
