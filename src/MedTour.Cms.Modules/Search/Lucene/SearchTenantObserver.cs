using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Modules.Search.Lucene;

/// <summary>
/// Closes a tenant's indexes as soon as it is disabled or removed, so that no open writer holds files in a folder
/// that is about to be deleted (the indexing service would otherwise notice only on its next round). Singleton.
/// </summary>
public sealed class SearchTenantObserver(TenantRegistry registry, SearchIndexStore store) : ITenantObserver
{
    public Task TenantChangedAsync(string tenantName)
    {
        if (registry.Find(tenantName) is not { State: TenantState.Running })
        {
            store.Close(tenantName);
        }

        return Task.CompletedTask;
    }

    public Task TenantContentChangedAsync(string tenantName) => Task.CompletedTask;
}
