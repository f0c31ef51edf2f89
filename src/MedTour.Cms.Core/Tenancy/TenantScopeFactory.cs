using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tenancy;

/// <summary>Opens a DI scope bound to one tenant, for work outside a request (setup, recipes, CLI, background jobs).</summary>
public sealed class TenantScopeFactory(IServiceScopeFactory scopes)
{
    public AsyncServiceScope CreateScope(TenantSettings tenant)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Set(tenant);
        return scope;
    }
}
