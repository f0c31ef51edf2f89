using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Security;

/// <summary>
/// A protector bound to one tenant whether or not a request is running: inside a tenant's request the host's provider adds
/// the tenant's purpose itself; outside one (a background sender) the same purpose is added here, so what a request
/// protected a background job can read, and no other tenant can.
/// </summary>
public static class TenantProtectors
{
    public static IDataProtector For(IDataProtectionProvider provider, IHttpContextAccessor http, TenantSettings tenant, string purpose)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(tenant);
        var protector = provider.CreateProtector(purpose);
        if (http.HttpContext?.RequestServices.GetService<CurrentTenant>() is { IsSet: true } current)
        {
            return string.Equals(current.Name, tenant.Name, StringComparison.OrdinalIgnoreCase)
                ? protector
                : throw new InvalidOperationException($"A request of tenant '{current.Name}' cannot protect data of tenant '{tenant.Name}'.");
        }

        return protector.CreateProtector(TenantDataProtector.PurposeOf(tenant));
    }
}
