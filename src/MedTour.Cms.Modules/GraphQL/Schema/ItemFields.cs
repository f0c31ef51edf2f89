using GraphQL.Types;
using MedTour.Cms.Content;
using MedTour.Cms.Modules.Graph.Query;

namespace MedTour.Cms.Modules.Graph.Schema;

/// <summary>Orchard's content item fields, on the <c>ContentItem</c> interface and on every content type.</summary>
public static class ItemFields
{
    public static readonly string[] Names =
        ["contentItemId", "contentItemVersionId", "contentType", "displayText", "published", "latest", "createdUtc", "modifiedUtc", "publishedUtc", "owner", "author"];

    public static void AddTo(IComplexGraphType type, Scalars s)
    {
        ArgumentNullException.ThrowIfNull(type);
        var isInterface = type is IInterfaceGraphType;
        type.AddField(Declare(Gql.Field("contentItemId", Gql.NonNull(s.Id), c => Item(c).ContentItemId), isInterface));
        type.AddField(Declare(Gql.Field("contentItemVersionId", s.Id, c => Item(c).ContentItemVersionId), isInterface));
        type.AddField(Declare(Gql.Field("contentType", Gql.NonNull(s.String), c => Item(c).ContentType), isInterface));
        type.AddField(Declare(Gql.Field("displayText", s.String, c => Item(c).DisplayText), isInterface));
        type.AddField(Declare(Gql.Field("published", Gql.NonNull(s.Boolean), c => Item(c).Published), isInterface));
        type.AddField(Declare(Gql.Field("latest", Gql.NonNull(s.Boolean), c => Item(c).Latest), isInterface));
        type.AddField(Declare(Gql.Field("createdUtc", s.DateTime, c => Item(c).CreatedUtc), isInterface));
        type.AddField(Declare(Gql.Field("modifiedUtc", s.DateTime, c => Item(c).ModifiedUtc), isInterface));
        type.AddField(Declare(Gql.Field("publishedUtc", s.DateTime, c => Item(c).PublishedUtc), isInterface));
        type.AddField(Declare(Gql.Field("owner", s.String, c => Item(c).Owner), isInterface));
        type.AddField(Declare(Gql.Field("author", s.String, c => Item(c).Author), isInterface));
    }

    // An interface declares its fields; the object types resolve them.
    private static FieldType Declare(FieldType field, bool isInterface)
    {
        if (isInterface)
        {
            field.Resolver = null;
        }

        return field;
    }

    public static ContentItem Item(GraphQL.IResolveFieldContext context) => (ContentItem)context.Source!;

    /// <summary>Filters on the item's own columns, shared by every where input.</summary>
    public static void AddFilters(InputObjectGraphType input, Dictionary<string, ItemFilter> filters, Scalars s)
    {
        foreach (var (name, column) in new (string, System.Linq.Expressions.Expression<Func<Data.ContentItemRecord, string>>)[]
        {
            ("contentItemId", x => x.ContentItemId),
            ("contentItemVersionId", x => x.ContentItemVersionId),
            ("displayText", x => x.DisplayText),
            ("owner", x => x.Owner!),
            ("author", x => x.Author!),
            ("contentType", x => x.ContentType),
        })
        {
            foreach (var op in Operators.Text)
            {
                input.AddField(Gql.Input(name + op, op.EndsWith("_in", StringComparison.Ordinal) ? Gql.List(s.String) : s.String));
                filters[name + op] = ItemFilters.Column(column, op);
            }
        }

        foreach (var (name, column) in new (string, System.Linq.Expressions.Expression<Func<Data.ContentItemRecord, DateTime?>>)[]
        {
            ("createdUtc", x => x.CreatedUtc),
            ("modifiedUtc", x => x.ModifiedUtc),
            ("publishedUtc", x => x.PublishedUtc),
        })
        {
            foreach (var op in Operators.Ordered)
            {
                input.AddField(Gql.Input(name + op, op.EndsWith("_in", StringComparison.Ordinal) ? Gql.List(s.DateTime) : s.DateTime));
                filters[name + op] = ItemFilters.Column(column, op);
            }
        }
    }

    public static void AddLogic(InputObjectGraphType input)
    {
        input.AddField(Gql.Input("AND", Gql.List(Gql.NonNull(input)), "All of these must hold."));
        input.AddField(Gql.Input("OR", Gql.List(Gql.NonNull(input)), "At least one of these must hold."));
        input.AddField(Gql.Input("NOT", Gql.List(Gql.NonNull(input)), "None of these may hold."));
    }

    public static void AddOrders(InputObjectGraphType input, Dictionary<string, ItemOrder> orders, IGraphType direction)
    {
        input.AddField(Gql.Input("contentItemId", direction));
        orders["contentItemId"] = OrderMap.Column(x => x.ContentItemId);
        input.AddField(Gql.Input("displayText", direction));
        orders["displayText"] = OrderMap.Column(x => x.DisplayText);
        input.AddField(Gql.Input("createdUtc", direction));
        orders["createdUtc"] = OrderMap.Column(x => x.CreatedUtc);
        input.AddField(Gql.Input("modifiedUtc", direction));
        orders["modifiedUtc"] = OrderMap.Column(x => x.ModifiedUtc);
        input.AddField(Gql.Input("publishedUtc", direction));
        orders["publishedUtc"] = OrderMap.Column(x => x.PublishedUtc);
    }
}
