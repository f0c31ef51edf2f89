using Microsoft.Extensions.Logging;

namespace MedTour.Cms.Tenancy.Changes;

/// <summary>Tells every <see cref="ITenantObserver"/> that a tenant changed; one failing observer does not stop the others. Singleton.</summary>
public sealed class TenantObservers(IEnumerable<ITenantObserver> observers, ILogger<TenantObservers> logger)
{
    public Task NotifyAsync(string tenantName) => EachAsync(tenantName, o => o.TenantChangedAsync(tenantName));

    public Task NotifyContentAsync(string tenantName) => EachAsync(tenantName, o => o.TenantContentChangedAsync(tenantName));

    private async Task EachAsync(string tenantName, Func<ITenantObserver, Task> notify)
    {
        foreach (var observer in observers)
        {
            try
            {
                await notify(observer);
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Observer} failed on a change of tenant {Tenant}", observer.GetType().Name, tenantName);
            }
        }
    }
}
