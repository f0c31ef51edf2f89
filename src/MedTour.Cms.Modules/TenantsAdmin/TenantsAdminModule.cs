using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.TenantsAdmin;

/// <summary>
/// <c>/admin/tenants</c> on the Default tenant: list, create and set up, disable, enable and remove sites. Every
/// change goes through Core's <see cref="Tenancy.TenantManager"/>, the same service (and messages) as the CLI.
/// </summary>
public static class TenantsAdminModule
{
    public static IServiceCollection AddTenantsAdminModule(this IServiceCollection services)
    {
        services.AddAdminMenuItem(new AdminMenuItem("Tenants", "/tenants", AdminPermissions.ManageTenants, 90, DefaultTenantOnly: true));
        return services;
    }

    public static IEndpointRouteBuilder MapTenantsAdmin(this IEndpointRouteBuilder endpoints)
    {
        var tenants = endpoints.MapAdminArea("/tenants", AdminPermissions.ManageTenants)
            .AddEndpointFilter<DefaultTenantOnlyFilter>();
        tenants.MapGet("", TenantEndpoints.List).WithName("AdminTenants");
        tenants.MapGet("/create", TenantEndpoints.CreateForm);
        tenants.MapPost("/create", TenantEndpoints.CreateAsync);
        tenants.MapPost("/{name}/setup", TenantEndpoints.SetupAsync);
        tenants.MapPost("/{name}/disable", TenantEndpoints.DisableAsync);
        tenants.MapPost("/{name}/enable", TenantEndpoints.EnableAsync);
        tenants.MapGet("/{name}/remove", TenantEndpoints.RemoveForm);
        tenants.MapPost("/{name}/remove", TenantEndpoints.RemoveAsync);
        return endpoints;
    }
}
