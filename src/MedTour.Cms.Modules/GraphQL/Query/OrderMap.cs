using System.Collections;
using System.Linq.Expressions;
using GraphQL;
using MedTour.Cms.Data;

namespace MedTour.Cms.Modules.Graph.Query;

/// <summary>Adds one sort key to a query (first key: OrderBy, later ones: ThenBy).</summary>
public delegate IOrderedQueryable<ContentItemRecord> ItemOrder(CmsDbContext db, IQueryable<ContentItemRecord> query, IOrderedQueryable<ContentItemRecord>? ordered, bool descending);

/// <summary>
/// The sort keys of one <c>orderBy</c> input type: item columns, a field's indexed value (its smallest, for
/// multi-valued fields) and part values (route path, culture). Keys apply in the order written. Immutable.
/// </summary>
public sealed class OrderMap(IReadOnlyDictionary<string, ItemOrder> orders)
{
    public IQueryable<ContentItemRecord> Apply(CmsDbContext db, IQueryable<ContentItemRecord> query, IDictionary<string, object?>? orderBy)
    {
        IOrderedQueryable<ContentItemRecord>? ordered = null;
        foreach (var (key, value) in Flatten(orderBy, ""))
        {
            if (!orders.TryGetValue(key, out var order))
            {
                throw new ExecutionError($"orderBy: unknown key '{key}'.");
            }

            ordered = order(db, query, ordered, string.Equals(value?.ToString(), "DESC", StringComparison.Ordinal));
        }

        return ordered is null ? query.OrderBy(x => x.Id) : ordered.ThenBy(x => x.Id);
    }

    // Part keys are nested (orderBy: { autoroutePart: { path: ASC } }): they become "autoroutePart.path".
    private static IEnumerable<(string Key, object? Value)> Flatten(IDictionary<string, object?>? values, string prefix)
    {
        foreach (var (key, value) in values ?? new Dictionary<string, object?>())
        {
            if (value is IDictionary<string, object?> nested)
            {
                foreach (var inner in Flatten(nested, prefix + key + "."))
                {
                    yield return inner;
                }
            }
            else if (value is not null and not IEnumerable or string)
            {
                yield return (prefix + key, value);
            }
        }
    }

    public static ItemOrder Column<T>(Expression<Func<ContentItemRecord, T>> key) => (_, query, ordered, descending) => Sort(query, ordered, key, descending);

    public static ItemOrder Field<T>(string partName, string fieldName, Expression<Func<FieldIndexRecord, T>> value) => (db, query, ordered, descending) =>
    {
        var rows = db.FieldIndex.Where(f => f.PartName == partName && f.FieldName == fieldName);
        Expression<Func<ContentItemRecord, T?>> key = x => rows.Where(f => f.ContentItemVersionId == x.ContentItemVersionId).Select(value).Min();
        return Sort(query, ordered, key, descending);
    };

    public static ItemOrder RoutePath() => (db, query, ordered, descending) =>
    {
        var routes = db.Routes.Where(r => r.ContainedContentItemId == null);
        Expression<Func<ContentItemRecord, string?>> key = x => routes.Where(r => r.ContentItemId == x.ContentItemId).Select(r => r.Path).Min();
        return Sort(query, ordered, key, descending);
    };

    public static ItemOrder Culture() => (db, query, ordered, descending) =>
    {
        var cultures = db.Localizations;
        Expression<Func<ContentItemRecord, string?>> key = x => cultures.Where(l => l.ContentItemId == x.ContentItemId).Select(l => l.Culture).FirstOrDefault();
        return Sort(query, ordered, key, descending);
    };

    private static IOrderedQueryable<ContentItemRecord> Sort<T>(IQueryable<ContentItemRecord> query, IOrderedQueryable<ContentItemRecord>? ordered, Expression<Func<ContentItemRecord, T>> key, bool descending) =>
        (ordered, descending) switch
        {
            (null, false) => query.OrderBy(key),
            (null, true) => query.OrderByDescending(key),
            (_, false) => ordered.ThenBy(key),
            _ => ordered.ThenByDescending(key),
        };
}
