using System.Collections;
using System.Linq.Expressions;
using GraphQL;
using MedTour.Cms.Data;

namespace MedTour.Cms.Modules.Graph.Query;

/// <summary>Turns one filter argument's value into a predicate over version rows (needs the request's DbContext for subqueries).</summary>
public delegate Expression<Func<ContentItemRecord, bool>> ItemFilter(CmsDbContext db, object? value);

/// <summary>
/// The filters of one <c>where</c> input type, by input field name, built with the schema; <see cref="Build"/> turns a
/// <c>where</c> value into one predicate, with Orchard's <c>AND</c>, <c>OR</c> and <c>NOT</c> lists. Immutable.
/// </summary>
public sealed class WhereMap(IReadOnlyDictionary<string, ItemFilter> filters)
{
    public Expression<Func<ContentItemRecord, bool>> Build(CmsDbContext db, IDictionary<string, object?> where)
    {
        Expression<Func<ContentItemRecord, bool>>? result = null;
        foreach (var (key, value) in where)
        {
            var next = key switch
            {
                "AND" => Each(db, value).Aggregate((Expression<Func<ContentItemRecord, bool>>?)null, (a, b) => a is null ? b : Predicates.And(a, b)),
                "OR" => Each(db, value).Aggregate((Expression<Func<ContentItemRecord, bool>>?)null, (a, b) => a is null ? b : Predicates.Or(a, b)),
                "NOT" => Each(db, value).Aggregate((Expression<Func<ContentItemRecord, bool>>?)null, (a, b) => a is null ? Predicates.Not(b) : Predicates.And(a, Predicates.Not(b))),
                _ => filters.TryGetValue(key, out var filter) ? filter(db, value) : throw new ExecutionError($"where: unknown filter '{key}'."),
            };
            if (next is not null)
            {
                result = result is null ? next : Predicates.And(result, next);
            }
        }

        return result ?? Predicates.True<ContentItemRecord>();
    }

    private List<Expression<Func<ContentItemRecord, bool>>> Each(CmsDbContext db, object? value) => value switch
    {
        IDictionary<string, object?> single => [Build(db, single)],
        IEnumerable list => list.OfType<IDictionary<string, object?>>().Select(w => Build(db, w)).ToList(),
        _ => [],
    };
}
