using MedTour.Cms.Display;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.OutputCaching;

namespace MedTour.Cms.Modules.Caching;

/// <summary>A tenant created, set up, disabled, enabled or removed changes every page's region list: evict all pages.</summary>
public sealed class OutputCacheTenantObserver(IOutputCacheStore store) : ITenantObserver
{
    public async Task TenantChangedAsync(string tenantName) => await store.EvictByTagAsync(CacheTags.AllPages, default);
}
