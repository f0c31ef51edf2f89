using System.Linq.Expressions;
using MedTour.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Content;

/// <summary>
/// Lists items by type, status and field values, sorted by metadata or by a field's value, as one SQL query
/// over the version rows and the typed field index. Create one per query (from <see cref="ContentQueryFactory"/>).
/// </summary>
public sealed class ContentQuery
{
    private readonly CmsDbContext _db;
    private IQueryable<ContentItemRecord> _query;
    private readonly List<Func<IQueryable<ContentItemRecord>, IOrderedQueryable<ContentItemRecord>?, IOrderedQueryable<ContentItemRecord>>> _orderings = [];
    private VersionOptions _status = VersionOptions.Published;

    internal ContentQuery(CmsDbContext db)
    {
        _db = db;
        _query = db.ContentItems.AsNoTracking();
    }

    public ContentQuery OfType(params string[] contentTypes)
    {
        _query = _query.Where(x => contentTypes.Contains(x.ContentType));
        return this;
    }

    public ContentQuery WithStatus(VersionOptions status)
    {
        _status = status;
        return this;
    }

    /// <summary>Items whose field has a value matching the predicate (on the index row of the same version).</summary>
    public ContentQuery WhereField(string partName, string fieldName, Expression<Func<FieldIndexRecord, bool>> predicate)
    {
        var rows = _db.FieldIndex.Where(f => f.PartName == partName && f.FieldName == fieldName).Where(predicate);
        _query = _query.Where(x => rows.Any(f => f.ContentItemVersionId == x.ContentItemVersionId));
        return this;
    }

    /// <summary>Items of a culture (their LocalizationPart); items without one are left out.</summary>
    public ContentQuery WhereCulture(string culture)
    {
        _query = _query.Where(x => _db.Localizations.Any(l => l.ContentItemId == x.ContentItemId && l.Culture == culture));
        return this;
    }

    /// <summary>Items that picked a term (or any id) in any of their fields.</summary>
    public ContentQuery WherePicked(string id)
    {
        _query = _query.Where(x => _db.FieldIndex.Any(f => f.ContentItemVersionId == x.ContentItemVersionId && f.Text == id));
        return this;
    }

    public ContentQuery WhereDisplayText(Expression<Func<string, bool>> predicate)
    {
        var parameter = Expression.Parameter(typeof(ContentItemRecord), "x");
        var body = Expression.Invoke(predicate, Expression.Property(parameter, nameof(ContentItemRecord.DisplayText)));
        _query = _query.Where(Expression.Lambda<Func<ContentItemRecord, bool>>(body, parameter));
        return this;
    }

    /// <summary>Sorts by a field's value (the smallest value of a multi-valued field); items without one sort first ascending.</summary>
    public ContentQuery OrderByField<TValue>(string partName, string fieldName, Expression<Func<FieldIndexRecord, TValue>> value, bool descending = false)
    {
        var rows = _db.FieldIndex.Where(f => f.PartName == partName && f.FieldName == fieldName);
        Expression<Func<ContentItemRecord, TValue?>> key = x => rows.Where(f => f.ContentItemVersionId == x.ContentItemVersionId).Select(value).Min();
        return AddOrdering(key, descending);
    }

    public ContentQuery OrderBy<TKey>(Expression<Func<ContentItemRecord, TKey>> key, bool descending = false) => AddOrdering(key, descending);

    private ContentQuery AddOrdering<TKey>(Expression<Func<ContentItemRecord, TKey>> key, bool descending)
    {
        _orderings.Add((query, ordered) => (ordered, descending) switch
        {
            (null, false) => query.OrderBy(key),
            (null, true) => query.OrderByDescending(key),
            (_, false) => ordered.ThenBy(key),
            _ => ordered.ThenByDescending(key),
        });
        return this;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default) => await Filtered(_query).CountAsync(cancellationToken);

    public async Task<IReadOnlyList<ContentItem>> ListAsync(int skip = 0, int take = 20, CancellationToken cancellationToken = default)
    {
        var filtered = Filtered(_query);
        IOrderedQueryable<ContentItemRecord>? ordered = null;
        foreach (var ordering in _orderings)
        {
            ordered = ordering(filtered, ordered);
        }

        var query = ordered is null ? filtered.OrderBy(x => x.Id) : ordered.ThenBy(x => x.Id);
        var records = await query.Skip(skip).Take(take).ToListAsync(cancellationToken);
        return [.. records.Select(ContentRecords.ToItem)];
    }

    private IQueryable<ContentItemRecord> Filtered(IQueryable<ContentItemRecord> query) => _status switch
    {
        VersionOptions.Published => query.Where(x => x.Published),
        VersionOptions.Latest => query.Where(x => x.Latest),
        _ => query.Where(x => x.Latest && !x.Published),
    };
}

/// <summary>Starts queries over the current tenant's content. Scoped.</summary>
public sealed class ContentQueryFactory(CmsDbContext db)
{
    public ContentQuery Query() => new(db);

    /// <summary>Every published item of the types, as id and title, ordered by title: one light query, however many there are.</summary>
    public async Task<IReadOnlyList<ContentTitle>> PublishedTitlesAsync(params string[] contentTypes) =>
        await db.ContentItems.Where(x => x.Published && contentTypes.Contains(x.ContentType))
            .OrderBy(x => x.DisplayText).ThenBy(x => x.Id)
            .Select(x => new ContentTitle(x.ContentItemId, x.DisplayText)).ToListAsync();

    /// <summary>The distinct values of a field among published items (for filter choices), in order.</summary>
    public async Task<IReadOnlyList<string>> PublishedValuesAsync(string contentType, string partName, string fieldName) =>
        await db.FieldIndex.Where(f => f.Published && f.ContentType == contentType && f.PartName == partName && f.FieldName == fieldName && f.Text != null)
            .Select(f => f.Text!).Distinct().OrderBy(t => t).ToListAsync();
}
