using MedTour.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Content;

/// <summary>
/// Reads content items of the current tenant: what the public site needs, without the validation, indexing and
/// sanitizing services that writing pulls in (so a read never builds them). Scoped.
/// </summary>
public sealed class ContentReader(CmsDbContext db)
{
    public async Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options = VersionOptions.Published)
    {
        var query = db.ContentItems.AsNoTracking().Where(x => x.ContentItemId == contentItemId);
        query = options switch
        {
            VersionOptions.Published => query.Where(x => x.Published),
            VersionOptions.Latest => query.Where(x => x.Latest),
            _ => query.Where(x => x.Latest && !x.Published),
        };
        var record = await query.FirstOrDefaultAsync();
        return record is null ? null : ContentRecords.ToItem(record);
    }

    public async Task<ContentItem?> GetVersionAsync(string contentItemVersionId)
    {
        var record = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(x => x.ContentItemVersionId == contentItemVersionId);
        return record is null ? null : ContentRecords.ToItem(record);
    }

    /// <summary>Several items in one query, in the order of the ids given (missing ones are left out).</summary>
    public async Task<IReadOnlyList<ContentItem>> GetManyAsync(IReadOnlyCollection<string> contentItemIds, VersionOptions options = VersionOptions.Published)
    {
        if (contentItemIds.Count == 0)
        {
            return [];
        }

        var query = db.ContentItems.AsNoTracking().Where(x => contentItemIds.Contains(x.ContentItemId));
        query = options == VersionOptions.Published ? query.Where(x => x.Published) : query.Where(x => x.Latest);
        var byId = (await query.ToListAsync()).ToDictionary(r => r.ContentItemId, ContentRecords.ToItem);
        return [.. contentItemIds.Select(id => byId.GetValueOrDefault(id)).OfType<ContentItem>()];
    }
}
