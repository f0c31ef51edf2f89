using MedTour.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Content;

/// <summary>
/// Every stored version of an item, oldest first: the published one, the latest, and the earlier ones that an edit
/// after a publish left behind (a draft edited again is changed in place, as in Orchard). Scoped.
/// </summary>
public sealed class ContentHistory(CmsDbContext db)
{
    public async Task<IReadOnlyList<ContentItem>> VersionsAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var records = await db.ContentItems.AsNoTracking().Where(x => x.ContentItemId == contentItemId)
            .OrderBy(x => x.Id).ToListAsync(cancellationToken);
        return [.. records.Select(ContentRecords.ToItem)];
    }

    /// <summary>One version of one item (null when the version belongs to another item or does not exist).</summary>
    public async Task<ContentItem?> VersionAsync(string contentItemId, string contentItemVersionId, CancellationToken cancellationToken = default)
    {
        var record = await db.ContentItems.AsNoTracking()
            .FirstOrDefaultAsync(x => x.ContentItemId == contentItemId && x.ContentItemVersionId == contentItemVersionId, cancellationToken);
        return record is null ? null : ContentRecords.ToItem(record);
    }
}
