using MedTour.Cms.Content;
using MedTour.Cms.Data;
using MedTour.Cms.Display;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.OutputCaching;

namespace MedTour.Cms.Modules.Caching;

/// <summary>
/// When an item is published, unpublished or removed, evicts exactly the cached pages that show it: pages tagged
/// with the item, lists of its type, and pages in any region that link to its localization set (hreflang). Only once
/// the change has committed: evicted earlier, a request in between would cache the old page again.
/// </summary>
public sealed class OutputCacheEvictionHandler(IOutputCacheStore store, CurrentTenant tenant, UnitOfWork unitOfWork) : IContentHandler
{
    public Task PublishedAsync(ContentItem item) => EvictAsync(item);

    public Task UnpublishedAsync(ContentItem item) => EvictAsync(item);

    public Task RemovedAsync(ContentItem item) => EvictAsync(item);

    /// <summary>Non-draftable types change their published version in place.</summary>
    public Task UpdatedAsync(ContentItem item) => item.Published ? EvictAsync(item) : Task.CompletedTask;

    private Task EvictAsync(ContentItem item) => unitOfWork.AfterCommitAsync(() => EvictNowAsync(item));

    private async Task EvictNowAsync(ContentItem item)
    {
        await store.EvictByTagAsync(CacheTags.Item(tenant.Name, item.ContentItemId), default);
        await store.EvictByTagAsync(CacheTags.Type(tenant.Name, item.ContentType), default);
        if (item.FindPart("LocalizationPart")?["LocalizationSet"].AsText() is { Length: > 0 } set)
        {
            await store.EvictByTagAsync(CacheTags.LocalizationSet(set), default);
        }
    }
}
