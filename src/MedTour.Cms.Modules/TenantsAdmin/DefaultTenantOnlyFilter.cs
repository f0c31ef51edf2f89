using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.TenantsAdmin;

/// <summary>Tenants are managed from the Default site only: on a regional site these pages do not exist (404).</summary>
internal sealed class DefaultTenantOnlyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var tenant = context.HttpContext.RequestServices.GetRequiredService<CurrentTenant>();
        return tenant.Settings.IsDefault ? await next(context) : Results.NotFound();
    }
}
