using MedTour.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.ContentList;

/// <summary>
/// The admin's content list as SQL over the latest version rows: the filters, the user's visibility, one sort backed
/// by an index (<c>IX_ContentItems_List_*</c>, with the row id as the tie-breaker in the same direction), one page.
/// The page's culture, scheduled state and owner names come in three small queries of at most a page of ids each. Scoped.
/// </summary>
public sealed class ContentListQuery(CmsDbContext db)
{
    internal const string PublishLaterPart = "PublishLaterPart";
    internal const string ScheduledField = "ScheduledPublishUtc";

    public async Task<ContentListResult> ListAsync(ContentListFilter filter, ContentVisibility visibility, IReadOnlyList<string> types, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(visibility);
        var matching = Filtered(filter, visibility, types);
        var total = await matching.CountAsync(cancellationToken);
        var records = await Page(matching, filter)
            .Select(x => new { x.ContentItemId, x.ContentType, x.DisplayText, x.Owner, x.ModifiedUtc, x.PublishedUtc, x.Published })
            .ToListAsync(cancellationToken);
        if (records.Count == 0)
        {
            return new ContentListResult([], total);
        }

        var ids = records.Select(r => r.ContentItemId).ToList();
        var cultures = await db.Localizations.AsNoTracking().Where(l => ids.Contains(l.ContentItemId))
            .Select(l => new { l.ContentItemId, l.Culture }).ToDictionaryAsync(l => l.ContentItemId, l => l.Culture, cancellationToken);
        var published = (await db.ContentItems.AsNoTracking().Where(x => ids.Contains(x.ContentItemId) && x.Published)
            .Select(x => x.ContentItemId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var scheduled = (await db.FieldIndex.AsNoTracking()
            .Where(f => ids.Contains(f.ContentItemId) && f.Latest && !f.Published && f.PartName == PublishLaterPart && f.FieldName == ScheduledField && f.Date != null)
            .Select(f => f.ContentItemId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var owners = records.Select(r => r.Owner).OfType<string>().Distinct().ToList();
        var names = owners.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => owners.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName }).ToDictionaryAsync(u => u.Id, u => u.UserName, cancellationToken);

        return new ContentListResult([.. records.Select(r => new ContentListRow(
            r.ContentItemId, r.ContentType, r.DisplayText, r.Owner, r.Owner is null ? null : names.GetValueOrDefault(r.Owner) ?? r.Owner,
            cultures.GetValueOrDefault(r.ContentItemId), Utc(r.ModifiedUtc), Utc(r.PublishedUtc),
            r.Published ? ContentStatus.Published : scheduled.Contains(r.ContentItemId) ? ContentStatus.Scheduled : ContentStatus.Draft,
            published.Contains(r.ContentItemId)))], total);
    }

    /// <summary>The first-page query as SQL runs it (tests read its plan).</summary>
    public IQueryable<ContentItemRecord> PageQuery(ContentListFilter filter, ContentVisibility visibility, IReadOnlyList<string> types) =>
        Page(Filtered(filter, visibility, types), filter);

    private IQueryable<ContentItemRecord> Filtered(ContentListFilter filter, ContentVisibility visibility, IReadOnlyList<string> types)
    {
        var query = db.ContentItems.AsNoTracking().Where(x => x.Latest);
        if (!visibility.SeesEverything(types))
        {
            var all = visibility.AllOf;
            var own = visibility.OwnOf;
            var publishedOnly = visibility.PublishedOf;
            var owners = visibility.Owners;
            query = query.Where(x => all.Contains(x.ContentType)
                || (own.Contains(x.ContentType) && ((x.Owner != null && owners.Contains(x.Owner)) || x.Published || db.ContentItems.Any(p => p.ContentItemId == x.ContentItemId && p.Published)))
                || (publishedOnly.Contains(x.ContentType) && (x.Published || db.ContentItems.Any(p => p.ContentItemId == x.ContentItemId && p.Published))));
        }

        if (filter.Type is { } type)
        {
            query = query.Where(x => x.ContentType == type);
        }

        query = filter.Status switch
        {
            // An item with a published version and a newer draft is both: published, and being drafted.
            ContentStatus.Published => query.Where(x => x.Published || db.ContentItems.Any(p => p.ContentItemId == x.ContentItemId && p.Published)),
            ContentStatus.Draft => query.Where(x => !x.Published && !db.FieldIndex.Any(f => f.ContentItemVersionId == x.ContentItemVersionId
                && f.PartName == PublishLaterPart && f.FieldName == ScheduledField && f.Date != null)),
            ContentStatus.Scheduled => query.Where(x => !x.Published && db.FieldIndex.Any(f => f.ContentItemVersionId == x.ContentItemVersionId
                && f.PartName == PublishLaterPart && f.FieldName == ScheduledField && f.Date != null)),
            _ => query,
        };

        if (filter.Culture is { } culture)
        {
            query = query.Where(x => db.Localizations.Any(l => l.ContentItemId == x.ContentItemId && l.Culture == culture));
        }

        if (filter.Author is { } author)
        {
            var ids = db.Users.Where(u => u.UserName == author).Select(u => u.Id);
            query = query.Where(x => x.Owner == author || ids.Contains(x.Owner!));
        }

        if (filter.Text is { } text)
        {
            // SQL lower(): SQLite's folds ASCII only, so the text as typed is matched too (a Cyrillic title on SQLite
            // matches when typed in its own case). The culture rules do not apply: this runs in the database.
            var lowered = text.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(x => x.DisplayText.Contains(text) || x.DisplayText.ToLower().Contains(lowered));
#pragma warning restore CA1304, CA1311, CA1862
        }

        return query;
    }

    private static IQueryable<ContentItemRecord> Page(IQueryable<ContentItemRecord> query, ContentListFilter filter)
    {
        var ordered = (filter.Sort, filter.Descending) switch
        {
            (ContentSort.Title, false) => query.OrderBy(x => x.DisplayText).ThenBy(x => x.Id),
            (ContentSort.Title, true) => query.OrderByDescending(x => x.DisplayText).ThenByDescending(x => x.Id),
            (ContentSort.Published, false) => query.OrderBy(x => x.PublishedUtc).ThenBy(x => x.Id),
            (ContentSort.Published, true) => query.OrderByDescending(x => x.PublishedUtc).ThenByDescending(x => x.Id),
            (_, false) => query.OrderBy(x => x.ModifiedUtc).ThenBy(x => x.Id),
            _ => query.OrderByDescending(x => x.ModifiedUtc).ThenByDescending(x => x.Id),
        };
        return ordered.Skip((filter.Page - 1) * ContentListFilter.PageSize).Take(ContentListFilter.PageSize);
    }

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
