using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Content.Indexing;
using MedTour.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Content;

/// <summary>
/// Copies an old version of an item into a <b>new</b> draft version. Unlike a save, a draft that is the latest
/// version is not overwritten: it stays in the history beside the restored copy, so a restore never loses a version.
/// The published version, if any, stays published. Scoped; one transaction, validated before anything is written.
/// </summary>
public sealed class ContentRestore(
    CmsDbContext db,
    UnitOfWork unitOfWork,
    ContentDefinitionManager definitions,
    ContentValidator validator,
    ContentIndexWriter indexWriter,
    IEnumerable<IContentHandler> handlers,
    TimeProvider clock)
{
    /// <summary>The new draft, or null when the item has no current version (removed) or the version is not one of its own.</summary>
    public async Task<ContentItem?> RestoreAsync(string contentItemId, string contentItemVersionId, string? author = null)
    {
        var definition = await definitions.GetAsync();
        var versions = await db.ContentItems.AsTracking().Where(x => x.ContentItemId == contentItemId).ToListAsync();
        var source = versions.Find(v => v.ContentItemVersionId == contentItemVersionId);
        var latest = versions.Find(v => v.Latest);
        if (source is null || latest is null)
        {
            return null;
        }

        var draft = ContentRecords.ToItem(source);
        draft.ContentItemVersionId = ContentIds.New();
        draft.Latest = true;
        draft.Published = false;
        draft.CreatedUtc = latest.CreatedUtc is { } created ? DateTime.SpecifyKind(created, DateTimeKind.Utc) : null;
        draft.PublishedUtc = versions.Find(v => v.Published)?.PublishedUtc;
        draft.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        draft.Owner = latest.Owner;
        draft.Author = author ?? latest.Author;
        await validator.ValidateAsync(draft, definition);

        foreach (var handler in handlers)
        {
            await handler.RestoringAsync(draft, contentItemVersionId);
        }

        await ContentSaveErrors.InTransactionAsync(unitOfWork, contentItemId, async () =>
        {
            latest.Latest = false;
            db.ContentItems.Add(ContentRecords.ToRecord(draft));
            await db.SaveChangesAsync();
            var published = versions.Find(v => v.Published);
            await indexWriter.WriteAsync([new ItemVersions(contentItemId, draft, published is null ? null : ContentRecords.ToItem(published))], definition);
            await db.SaveChangesAsync();
        });

        foreach (var handler in handlers)
        {
            await handler.RestoredAsync(draft, contentItemVersionId);
        }

        return draft;
    }
}
