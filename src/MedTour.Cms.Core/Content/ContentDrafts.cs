using MedTour.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Content;

/// <summary>An item's latest version as an editor loaded it, with the stamp that tells whether it changed since.</summary>
public sealed record EditableVersion(ContentItem Item, string Stamp);

/// <summary>
/// What an editor needs beyond <see cref="ContentManager"/>: the latest version with a concurrency stamp (its version id
/// and row token), and a save that is refused when the latest version moved since the form was loaded. Scoped.
/// </summary>
public sealed class ContentDrafts(CmsDbContext db, ContentManager content, UnitOfWork unitOfWork)
{
    /// <summary>The latest version and its stamp, or null (no such item, or it was removed).</summary>
    public async Task<EditableVersion?> GetLatestAsync(string contentItemId)
    {
        var record = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(x => x.ContentItemId == contentItemId && x.Latest);
        return record is null ? null : new EditableVersion(ContentRecords.ToItem(record), StampOf(record));
    }

    /// <summary>Whether the item has a published version (beside a draft, or as its latest).</summary>
    public Task<bool> HasPublishedAsync(string contentItemId) =>
        db.ContentItems.AnyAsync(x => x.ContentItemId == contentItemId && x.Published);

    /// <summary>
    /// Saves <paramref name="item"/> as the draft (<see cref="ContentManager.UpdateAsync"/>) only if the latest version
    /// still has <paramref name="expectedStamp"/>; else throws <see cref="ContentConcurrencyException"/> and saves nothing.
    /// The latest row is read tracked first, so the update that follows carries the token read here: a writer who
    /// commits between this check and the save is refused by the database, not overwritten.
    /// </summary>
    public async Task UpdateAsync(ContentItem item, string expectedStamp, bool publish = false)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using var transaction = unitOfWork.InTransaction ? null : await unitOfWork.BeginAsync();
        var latest = await db.ContentItems.AsTracking().FirstOrDefaultAsync(x => x.ContentItemId == item.ContentItemId && x.Latest);
        if (latest is null || StampOf(latest) != expectedStamp)
        {
            throw new ContentConcurrencyException(item.ContentItemId);
        }

        await content.UpdateAsync(item);
        if (publish)
        {
            await content.PublishAsync(item);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync();
        }
    }

    private static string StampOf(ContentItemRecord record) => $"{record.ContentItemVersionId}.{record.RowVersion}";
}
