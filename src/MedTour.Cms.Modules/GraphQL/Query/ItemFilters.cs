using System.Linq.Expressions;
using MedTour.Cms.Data;

namespace MedTour.Cms.Modules.Graph.Query;

/// <summary>The filter factories: item metadata columns, typed field-index rows, routes and localizations.</summary>
public static class ItemFilters
{
    /// <summary>A column of the version row (<c>displayText_contains</c>).</summary>
    public static ItemFilter Column<T>(Expression<Func<ContentItemRecord, T>> column, string op)
    {
        var (positive, negated) = Operators.Split(op);
        return (_, value) =>
        {
            var test = Predicates.On(column, body => Operators.Test<T>(body, positive, value));
            return negated ? Predicates.Not(test) : test;
        };
    }

    /// <summary>
    /// A field's indexed value on the same version (<c>yearsOfExperience_gte</c>); a negated operator means no value
    /// of the field matches (so an item without the field passes <c>_not</c>, as in SQL's NOT EXISTS).
    /// </summary>
    public static ItemFilter Field<T>(string partName, string fieldName, Expression<Func<FieldIndexRecord, T>> column, string op)
    {
        var (positive, negated) = Operators.Split(op);
        return (db, value) =>
        {
            var test = Predicates.On(column, body => Operators.Test<T>(body, positive, value));
            var rows = db.FieldIndex.Where(f => f.PartName == partName && f.FieldName == fieldName).Where(test);
            Expression<Func<ContentItemRecord, bool>> any = x => rows.Any(f => f.ContentItemVersionId == x.ContentItemVersionId);
            return negated ? Predicates.Not(any) : any;
        };
    }

    /// <summary>A picker's picked items matching a filter on their own metadata (<c>medicalAuthor: { contentItems: { displayText: "…" } }</c>).</summary>
    public static ItemFilter PickedItems(string partName, string fieldName, WhereMap targets) => (db, value) =>
    {
        var where = targets.Build(db, value as IDictionary<string, object?> ?? new Dictionary<string, object?>());
        var matching = db.ContentItems.Where(y => y.Published).Where(where).Select(y => y.ContentItemId);
        var rows = db.FieldIndex.Where(f => f.PartName == partName && f.FieldName == fieldName && matching.Contains(f.Text!));
        return x => rows.Any(f => f.ContentItemVersionId == x.ContentItemVersionId);
    };

    /// <summary>A nested input's filters, all of which must hold (<c>specialties: { termContentItemIds_contains: "…" }</c>).</summary>
    public static ItemFilter Nested(WhereMap map) => (db, value) =>
        map.Build(db, value as IDictionary<string, object?> ?? new Dictionary<string, object?>());

    /// <summary><c>autoroutePart: { path }</c>: the item's own route (not a contained term's).</summary>
    public static ItemFilter Route(string op)
    {
        var (positive, negated) = Operators.Split(op);
        Expression<Func<RouteRecord, string>> column = r => r.Path;
        return (db, value) =>
        {
            var rows = db.Routes.Where(r => r.ContainedContentItemId == null).Where(Predicates.On(column, body => Operators.Test<string>(body, positive, value)));
            Expression<Func<ContentItemRecord, bool>> any = x => rows.Any(r => r.ContentItemId == x.ContentItemId);
            return negated ? Predicates.Not(any) : any;
        };
    }

    /// <summary><c>localizationPart: { culture, localizationSet }</c>.</summary>
    public static ItemFilter Localization(Expression<Func<LocalizationRecord, string>> column, string op)
    {
        var (positive, negated) = Operators.Split(op);
        return (db, value) =>
        {
            var rows = db.Localizations.Where(Predicates.On(column, body => Operators.Test<string>(body, positive, value)));
            Expression<Func<ContentItemRecord, bool>> any = x => rows.Any(l => l.ContentItemId == x.ContentItemId);
            return negated ? Predicates.Not(any) : any;
        };
    }
}
