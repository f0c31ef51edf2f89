using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Content.Indexing;
using MedTour.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Content;

/// <summary>
/// Creates, reads, versions and removes content items of the current tenant. Scoped. Every change is one
/// transaction: the version rows, the index rows and nothing else; validation happens before any write.
/// </summary>
public sealed class ContentManager(
    CmsDbContext db,
    ContentReader reader,
    UnitOfWork unitOfWork,
    ContentDefinitionManager definitions,
    ContentValidator validator,
    ContentIndexWriter indexWriter,
    IEnumerable<IContentHandler> handlers,
    IEnumerable<IContentTransactionObserver> observers,
    TimeProvider clock)
{
    private const int ImportChunk = 500;

    /// <summary>A new, unsaved item of a defined type.</summary>
    public async Task<ContentItem> NewAsync(string contentType)
    {
        _ = await definitions.FindTypeAsync(contentType)
            ?? throw new ContentValidationException([new ContentValidationError("ContentType", $"content type '{contentType}' is not defined.")]);
        return new ContentItem { ContentType = contentType, ContentItemId = ContentIds.New() };
    }

    public Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options = VersionOptions.Published) => reader.GetAsync(contentItemId, options);

    public Task<ContentItem?> GetVersionAsync(string contentItemVersionId) => reader.GetVersionAsync(contentItemVersionId);

    /// <summary>Several items in one query, in the order of the ids given (missing ones are left out).</summary>
    public Task<IReadOnlyList<ContentItem>> GetManyAsync(IReadOnlyCollection<string> contentItemIds, VersionOptions options = VersionOptions.Published) =>
        reader.GetManyAsync(contentItemIds, options);

    /// <summary>Saves a new item as a draft or published.</summary>
    public async Task CreateAsync(ContentItem item, VersionOptions options = VersionOptions.Published)
    {
        ArgumentNullException.ThrowIfNull(item);
        var definition = await definitions.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        item.ContentItemId = string.IsNullOrEmpty(item.ContentItemId) ? ContentIds.New() : item.ContentItemId;
        item.ContentItemVersionId = ContentIds.New();
        item.CreatedUtc ??= now;
        item.ModifiedUtc = now;
        item.Latest = true;
        item.Published = options == VersionOptions.Published;
        item.PublishedUtc = item.Published ? now : null;
        await validator.ValidateAsync(item, definition);
        if (await db.ContentItems.AnyAsync(x => x.ContentItemId == item.ContentItemId))
        {
            throw new ContentValidationException([new ContentValidationError("ContentItemId", $"an item with id '{item.ContentItemId}' already exists.")]);
        }

        await Each(h => h.CreatingAsync(item));
        await InTransactionAsync(item.ContentItemId, async () =>
        {
            db.ContentItems.Add(ContentRecords.ToRecord(item));
            await indexWriter.WriteAsync([new ItemVersions(item.ContentItemId, item, item.Published ? item : null)], definition);
            await Observe(ContentChange.Created, item);
            if (item.Published)
            {
                await Observe(ContentChange.Published, item);
            }

            await db.SaveChangesAsync();
        });
        await Each(h => h.CreatedAsync(item));
        if (item.Published)
        {
            await Each(h => h.PublishedAsync(item));
        }
    }

    /// <summary>
    /// Saves changes as the draft: a new version when the latest is published (and the type is draftable),
    /// else the draft is changed in place. A non-draftable type's published version changes in place.
    /// </summary>
    public async Task UpdateAsync(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var definition = await definitions.GetAsync();
        var versions = await TrackedVersionsAsync(item.ContentItemId);
        var latest = versions.Find(v => v.Latest) ?? throw NotFound(item.ContentItemId);
        var draftable = definition.FindType(item.ContentType)?.Draftable ?? true;
        item.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        item.Latest = true;
        await validator.ValidateAsync(item, definition);
        await Each(h => h.UpdatingAsync(item));

        await InTransactionAsync(item.ContentItemId, async () =>
        {
            if (latest.Published && draftable)
            {
                latest.Latest = false;
                item.ContentItemVersionId = ContentIds.New();
                item.Published = false;
                item.PublishedUtc = latest.PublishedUtc;
                db.ContentItems.Add(ContentRecords.ToRecord(item));
            }
            else
            {
                item.ContentItemVersionId = latest.ContentItemVersionId;
                item.Published = latest.Published;
                ContentRecords.CopyTo(item, latest);
            }

            await SaveVersionsAsync();
            var published = versions.Find(v => v.Published);
            var publishedItem = published is null ? null : published == latest && !draftable ? item : ContentRecords.ToItem(published);
            await indexWriter.WriteAsync([new ItemVersions(item.ContentItemId, item, publishedItem)], definition);
            await db.SaveChangesAsync();
        });
        await Each(h => h.UpdatedAsync(item));
    }

    /// <summary>Publishes the latest version; the previously published one (if another) stops being published.</summary>
    public async Task PublishAsync(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var versions = await TrackedVersionsAsync(item.ContentItemId);
        var latest = versions.Find(v => v.Latest) ?? throw NotFound(item.ContentItemId);
        if (latest.Published)
        {
            return;
        }

        var latestItem = ContentRecords.ToItem(latest);
        await Each(h => h.PublishingAsync(latestItem));
        await InTransactionAsync(item.ContentItemId, async () =>
        {
            foreach (var old in versions.Where(v => v.Published))
            {
                old.Published = false;
            }

            latest.Published = true;
            latest.PublishedUtc = clock.GetUtcNow().UtcDateTime;
            await SaveVersionsAsync();
            latestItem = ContentRecords.ToItem(latest);
            await indexWriter.WriteAsync([new ItemVersions(item.ContentItemId, latestItem, latestItem)], await definitions.GetAsync());
            await Observe(ContentChange.Published, latestItem);
            await db.SaveChangesAsync();
        });
        Mirror(latestItem, item);
        await Each(h => h.PublishedAsync(latestItem));
    }

    public async Task UnpublishAsync(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var versions = await TrackedVersionsAsync(item.ContentItemId);
        var published = versions.Find(v => v.Published);
        if (published is null)
        {
            return;
        }

        var publishedItem = ContentRecords.ToItem(published);
        await Each(h => h.UnpublishingAsync(publishedItem));
        await InTransactionAsync(item.ContentItemId, async () =>
        {
            published.Published = false;
            await SaveVersionsAsync();
            var latest = versions.Find(v => v.Latest);
            await indexWriter.WriteAsync([new ItemVersions(item.ContentItemId, latest is null ? null : ContentRecords.ToItem(latest), null)], await definitions.GetAsync());
            await db.SaveChangesAsync();
        });
        item.Published = false;
        await Each(h => h.UnpublishedAsync(publishedItem));
    }

    /// <summary>Drops the draft; the published version becomes the latest again.</summary>
    public async Task DiscardDraftAsync(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var versions = await TrackedVersionsAsync(item.ContentItemId);
        var draft = versions.Find(v => v.Latest && !v.Published);
        var published = versions.Find(v => v.Published);
        if (draft is null || published is null)
        {
            throw new ContentValidationException([new ContentValidationError("ContentItemId", $"item '{item.ContentItemId}' has no draft beside a published version to go back to.")]);
        }

        await InTransactionAsync(item.ContentItemId, async () =>
        {
            db.ContentItems.Remove(draft);
            published.Latest = true;
            await SaveVersionsAsync();
            var publishedItem = ContentRecords.ToItem(published);
            await indexWriter.WriteAsync([new ItemVersions(item.ContentItemId, publishedItem, publishedItem)], await definitions.GetAsync());
            await db.SaveChangesAsync();
        });
    }

    /// <summary>A draft copy of the latest version under a new id (its path is generated afresh).</summary>
    public async Task<ContentItem> CloneAsync(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var source = await GetAsync(item.ContentItemId, VersionOptions.Latest) ?? throw NotFound(item.ContentItemId);
        var clone = source.CloneVersion();
        clone.ContentItemId = ContentIds.New();
        clone.CreatedUtc = null;
        clone.FindPart("AutoroutePart")?.Remove("Path");
        clone.FindPart("LocalizationPart")?.Remove("LocalizationSet");
        await CreateAsync(clone, VersionOptions.Draft);
        return clone;
    }

    /// <summary>Removes an item: no version stays latest or published, and its paths are freed (rows are kept, as Orchard does).</summary>
    public async Task RemoveAsync(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var versions = await TrackedVersionsAsync(item.ContentItemId);
        if (versions.Count == 0)
        {
            return;
        }

        await Each(h => h.RemovingAsync(item));
        await InTransactionAsync(item.ContentItemId, async () =>
        {
            foreach (var version in versions)
            {
                version.Latest = false;
                version.Published = false;
            }

            await SaveVersionsAsync();
            await indexWriter.WriteAsync([new ItemVersions(item.ContentItemId, null, null)], await definitions.GetAsync());
            await db.SaveChangesAsync();
        });
        await Each(h => h.RemovedAsync(item));
    }

    /// <summary>
    /// Imports items as a recipe does: an existing item (same ContentItemId) is updated in place, a new one
    /// inserted, as draft or published per its <c>Published</c> flag. Validates everything first; batched.
    /// </summary>
    public async Task ImportAsync(IReadOnlyList<ContentItem> items, Func<int, string>? describe = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var definition = await definitions.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            item.ContentItemId = string.IsNullOrEmpty(item.ContentItemId) ? ContentIds.New() : item.ContentItemId;
            item.ContentItemVersionId = string.IsNullOrEmpty(item.ContentItemVersionId) ? ContentIds.New() : item.ContentItemVersionId;
            item.CreatedUtc ??= now;
            item.ModifiedUtc ??= now;
            item.Latest = true;
            if (item.Published)
            {
                item.PublishedUtc ??= now;
            }

            try
            {
                await validator.ValidateAsync(item, definition);
            }
            catch (ContentValidationException e) when (describe is not null)
            {
                throw new ContentValidationException([.. e.Errors.Select(x => x with { Field = $"{describe(i)}.{x.Field}" })]);
            }
        }

        foreach (var duplicate in items.GroupBy(i => i.ContentItemId).Where(g => g.Count() > 1))
        {
            throw new ContentValidationException([new ContentValidationError("ContentItemId", $"'{duplicate.Key}' appears {duplicate.Count()} times in one import.")]);
        }

        await InTransactionAsync(items.Count == 1 ? items[0].ContentItemId : $"{items[0].ContentItemId} (one of {items.Count})", async () =>
        {
            foreach (var chunk in items.Chunk(ImportChunk))
            {
                await ImportChunkAsync(chunk, definition);
            }
        });
        foreach (var item in items)
        {
            await Each(h => item.Published ? h.PublishedAsync(item) : h.UpdatedAsync(item));
        }
    }

    private async Task ImportChunkAsync(ContentItem[] chunk, ContentDefinition definition)
    {
        var ids = chunk.Select(i => i.ContentItemId).ToList();
        var existing = (await db.ContentItems.AsTracking().Where(x => ids.Contains(x.ContentItemId)).ToListAsync())
            .ToLookup(x => x.ContentItemId);
        var indexed = new List<ItemVersions>(chunk.Length);
        foreach (var item in chunk)
        {
            var versions = existing[item.ContentItemId].ToList();
            // A draft imported over a published latest version becomes a new version beside it, as in Orchard.
            var target = versions.Find(v => v.ContentItemVersionId == item.ContentItemVersionId) ?? versions.Find(v => v.Latest && (item.Published || !v.Published));
            foreach (var other in versions.Where(v => v != target))
            {
                other.Latest = false;
                other.Published = other.Published && !item.Published;
            }

            if (target is null)
            {
                db.ContentItems.Add(ContentRecords.ToRecord(item));
            }
            else
            {
                item.ContentItemVersionId = target.ContentItemVersionId;
                item.CreatedUtc = target.CreatedUtc ?? item.CreatedUtc;
                ContentRecords.CopyTo(item, target);
            }

            var stillPublished = item.Published ? item : versions.Where(v => v != target && v.Published).Select(ContentRecords.ToItem).FirstOrDefault();
            indexed.Add(new ItemVersions(item.ContentItemId, item, stillPublished));
        }

        await SaveVersionsAsync();
        await indexWriter.WriteAsync(indexed, definition);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private Task<List<ContentItemRecord>> TrackedVersionsAsync(string contentItemId) =>
        db.ContentItems.AsTracking().Where(x => x.ContentItemId == contentItemId && (x.Latest || x.Published)).ToListAsync();

    /// <summary>
    /// Runs a change in the scope's transaction (or a new one). The version rows are saved first, so a writer that
    /// read stale rows is refused (their token moved) before it touches the index, and holds their row locks after.
    /// </summary>
    private Task InTransactionAsync(string contentItemId, Func<Task> work) =>
        ContentSaveErrors.InTransactionAsync(unitOfWork, contentItemId, work);

    private Task<int> SaveVersionsAsync() => db.SaveChangesAsync();

    private async Task Each(Func<IContentHandler, Task> hook)
    {
        foreach (var handler in handlers)
        {
            await hook(handler);
        }
    }

    private async Task Observe(ContentChange change, ContentItem item)
    {
        foreach (var observer in observers)
        {
            await observer.ChangingAsync(change, item);
        }
    }

    private static void Mirror(ContentItem from, ContentItem to)
    {
        to.ContentItemVersionId = from.ContentItemVersionId;
        to.Published = from.Published;
        to.Latest = from.Latest;
        to.PublishedUtc = from.PublishedUtc;
    }

    private static ContentValidationException NotFound(string id) =>
        new([new ContentValidationError("ContentItemId", $"there is no content item '{id}'.")]);
}
