using MedTour.Cms.Recipes;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedTour.Cms.Modules.Roles;

/// <summary>Roles and permissions per tenant: the catalogue, the check every admin endpoint makes, Orchard's Roles step.</summary>
public static class RolesModule
{
    public static IServiceCollection AddRolesModule(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IPermissionProvider, AdminPermissionProvider>();
        services.AddScoped<IPermissionProvider, ContentPermissionProvider>();
        services.AddScoped<PermissionCatalog>();
        services.AddScoped<UserPermissions>();
        services.AddScoped<RoleStore>();
        services.AddScoped<DefaultRolesUpgrade>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<IAuthorizationHandler, AnyContentPermissionHandler>();
        services.AddScoped<IRecipeStepHandler, RolesStep>();
        services.AddScoped<ITenantSetupHandler, DefaultRolesSetupHandler>();
        return services;
    }
}
