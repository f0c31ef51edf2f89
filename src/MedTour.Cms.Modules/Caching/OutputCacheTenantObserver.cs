using MedTour.Cms.Display;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.OutputCaching;

namespace MedTour.Cms.Modules.Caching;

/// <summary>A tenant created, set up, disabled, enabled or removed changes every page's region list: evict all pages.</summary>
public sealed class OutputCacheTenantObserver(IOutputCacheStore store) : ITenantObserver
{
    public async Task TenantChangedAsync(string tenantName) => await store.EvictByTagAsync(CacheTags.AllPages, default);

    /// <summary>Only the tenant's own data may have changed: its own pages go.</summary>
    public async Task TenantContentChangedAsync(string tenantName) => await store.EvictByTagAsync(CacheTags.Tenant(tenantName), default);
}
