using GraphQL.Types;
using MedTour.Cms.Content.Fields;
using MedTour.Cms.Modules.Graph.Query;

namespace MedTour.Cms.Modules.Graph.Schema;

/// <summary>
/// Beyond Orchard: <c>where</c> and <c>orderBy</c> on content fields, through the typed field index. Scalar fields are
/// filtered flat (<c>yearsOfExperience_gte: 10</c>), multi-valued ones through a nested input
/// (<c>specialties: { termContentItemIds_contains: "…" }</c>, <c>medicalAuthor: { contentItems: { displayText: "…" } }</c>).
/// </summary>
public sealed class FieldFilters
{
    private readonly Scalars _s;
    private readonly IGraphType _direction;
    private readonly InputObjectGraphType _itemWhere;
    private readonly WhereMap _itemWhereMap;
    private readonly Dictionary<string, (InputObjectGraphType Input, Func<string, string, WhereMap> Map)> _lists = new(StringComparer.Ordinal);

    public FieldFilters(Scalars s, IGraphType direction, InputObjectGraphType itemWhere, WhereMap itemWhereMap)
    {
        _s = s;
        _direction = direction;
        _itemWhere = itemWhere;
        _itemWhereMap = itemWhereMap;
        AddList("ContentPickerField", "contentItemIds", pickable: true);
        AddList("TaxonomyField", "termContentItemIds", pickable: false);
        AddList("MediaField", "paths", pickable: false);
        AddList("MultiTextField", "values", pickable: false);
    }

    /// <summary>Adds the field's filters and sort key to a type's where and orderBy inputs (nothing for HTML/Markdown bodies).</summary>
    public void Add(string fieldType, string partName, string fieldName, string graphName,
        InputObjectGraphType where, Dictionary<string, ItemFilter> filters, InputObjectGraphType orderBy, Dictionary<string, ItemOrder> orders)
    {
        switch (fieldType)
        {
            case "TextField" or "LinkField":
                Scalar<string?>(_s.String, Operators.Text, f => f.Text);
                orderBy.AddField(Gql.Input(graphName, _direction));
                orders[graphName] = OrderMap.Field(partName, fieldName, f => f.Text);
                break;
            case "NumericField":
                Scalar<double?>(_s.Float, Operators.Ordered, f => f.Number);
                orderBy.AddField(Gql.Input(graphName, _direction));
                orders[graphName] = OrderMap.Field(partName, fieldName, f => f.Number);
                break;
            case "DateField" or "DateTimeField":
                Scalar<DateTime?>(_s.DateTime, Operators.Ordered, f => f.Date);
                orderBy.AddField(Gql.Input(graphName, _direction));
                orders[graphName] = OrderMap.Field(partName, fieldName, f => f.Date);
                break;
            case "BooleanField":
                Scalar<bool?>(_s.Boolean, Operators.Boolean, f => f.Boolean);
                orderBy.AddField(Gql.Input(graphName, _direction));
                orders[graphName] = OrderMap.Field(partName, fieldName, f => f.Boolean);
                break;
            default:
                if (_lists.TryGetValue(fieldType, out var list))
                {
                    where.AddField(Gql.Input(graphName, list.Input));
                    filters[graphName] = ItemFilters.Nested(list.Map(partName, fieldName));
                }

                break;
        }

        void Scalar<T>(IGraphType scalar, string[] ops, System.Linq.Expressions.Expression<Func<Data.FieldIndexRecord, T>> column)
        {
            foreach (var op in ops)
            {
                where.AddField(Gql.Input(graphName + op, op.EndsWith("_in", StringComparison.Ordinal) ? Gql.List(scalar) : scalar));
                filters[graphName + op] = ItemFilters.Field(partName, fieldName, column, op);
            }
        }
    }

    // One input type per field type; the filters are bound to a part and field when a type uses it.
    private void AddList(string fieldType, string property, bool pickable)
    {
        var input = new InputObjectGraphType { Name = fieldType + "WhereInput" };
        (string Op, string Index)[] ops = [("_contains", ""), ("_not_contains", "_not"), ("_in", "_in"), ("_not_in", "_not_in")];
        foreach (var (op, _) in ops)
        {
            input.AddField(Gql.Input(property + op, op.EndsWith("_in", StringComparison.Ordinal) ? Gql.List(_s.String) : _s.String));
        }

        if (pickable)
        {
            input.AddField(Gql.Input("contentItems", _itemWhere, "Some picked (published) item matches."));
        }

        _lists[fieldType] = (input, (partName, fieldName) =>
        {
            var filters = new Dictionary<string, ItemFilter>(StringComparer.Ordinal);
            foreach (var (op, index) in ops)
            {
                filters[property + op] = ItemFilters.Field<string?>(partName, fieldName, f => f.Text, index);
            }

            if (pickable)
            {
                filters["contentItems"] = ItemFilters.PickedItems(partName, fieldName, _itemWhereMap);
            }

            return new WhereMap(filters);
        });
    }

    public static bool IsKnown(ContentFieldTypes types, string fieldType) => types.Find(fieldType) is not null;
}
