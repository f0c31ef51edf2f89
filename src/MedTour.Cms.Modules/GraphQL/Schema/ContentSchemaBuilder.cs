using GraphQL;
using GraphQL.Types;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Content.Fields;
using MedTour.Cms.Modules.Graph.Query;

namespace MedTour.Cms.Modules.Graph.Schema;

/// <summary>
/// Builds a tenant's schema from its content definition, in Orchard's shape: one root list field per content type
/// (<c>article(where, orderBy, first, skip, status)</c>), <c>contentItem(contentItemId)</c> and <c>siteSettings</c>.
/// Each content type is an object type implementing <c>ContentItem</c>, with its parts (<c>titlePart</c>…) and the
/// fields of its own part on the type itself. Built once per definition (see <see cref="TenantSchemaCache"/>);
/// the result is immutable and shared by every request of the tenant. Stateless singleton.
/// </summary>
public sealed class ContentSchemaBuilder(ContentFieldTypes fieldTypes)
{
    public ISchema Build(ContentDefinition definition, GraphQLOptions options)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(options);
        var s = new Scalars();
        var status = new EnumerationGraphType { Name = "Status", Description = "Which versions to read." };
        status.Add("PUBLISHED", ItemStatus.Published);
        status.Add("DRAFT", ItemStatus.Draft);
        status.Add("LATEST", ItemStatus.Latest);
        status.Add("ALL", ItemStatus.All);
        var direction = new EnumerationGraphType { Name = "OrderByDirection" };
        direction.Add("ASC", "ASC");
        direction.Add("DESC", "DESC");

        var objects = new Dictionary<string, IObjectGraphType>(StringComparer.Ordinal);
        var contentItem = new InterfaceGraphType { Name = "ContentItem", ResolveType = o => o is ContentItem item ? objects.GetValueOrDefault(item.ContentType) ?? objects[Generic] : null };
        ItemFields.AddTo(contentItem, s);

        var itemWhere = new InputObjectGraphType { Name = "ContentItemWhereInput" };
        var itemFilters = new Dictionary<string, ItemFilter>(StringComparer.Ordinal);
        ItemFields.AddFilters(itemWhere, itemFilters, s);
        ItemFields.AddLogic(itemWhere);
        var itemWhereMap = new WhereMap(itemFilters);

        var fields = new FieldGraphTypes(s, contentItem);
        var parts = new PartGraphTypes(s, contentItem);
        var filters = new FieldFilters(s, direction, itemWhere, itemWhereMap);
        var partInputs = new PartInputs(s, direction);
        var query = new ObjectGraphType { Name = "Query" };

        var generic = new ObjectGraphType { Name = Generic, Description = "An item of a type this schema does not describe." };
        ItemFields.AddTo(generic, s);
        generic.AddResolvedInterface(contentItem);
        contentItem.AddPossibleType(generic);
        objects[Generic] = generic;

        foreach (var type in definition.ContentTypeDefinitionRecords.Where(t => ContentTypeRules.IsExposed(t.Name) && GraphNames.Valid(t.Name) is not null && t.Name != Generic))
        {
            var graph = new ObjectGraphType { Name = type.Name, Description = type.DisplayName };
            ItemFields.AddTo(graph, s);
            graph.AddResolvedInterface(contentItem);
            contentItem.AddPossibleType(graph);
            objects[type.Name] = graph;

            var where = new InputObjectGraphType { Name = type.Name + "WhereInput" };
            var whereFilters = new Dictionary<string, ItemFilter>(itemFilters, StringComparer.Ordinal);
            ItemFields.AddFilters(where, [], s);
            ItemFields.AddLogic(where);
            var orderBy = new InputObjectGraphType { Name = type.Name + "OrderByInput" };
            var orders = new Dictionary<string, ItemOrder>(StringComparer.Ordinal);
            ItemFields.AddOrders(orderBy, orders, direction);

            var taken = new HashSet<string>(ItemFields.Names, StringComparer.Ordinal);
            foreach (var part in type.ContentTypePartDefinitionRecords)
            {
                if (part.Name == type.Name)
                {
                    // The type's own part: its fields sit on the type (Orchard: article { summary { text } }).
                    AddFields(graph, definition.FindPart(part.PartName), part.Name, taken, fields, filters, where, whereFilters, orderBy, orders);
                    continue;
                }

                var name = GraphNames.Camel(part.Name);
                if (GraphNames.Valid(name) is null || !taken.Add(name))
                {
                    continue;
                }

                var partName = part.Name;
                if (parts.Find(part.PartName) is { } partType)
                {
                    graph.AddField(Gql.Field(name, partType, c => ItemFields.Item(c).FindPart(partName) is { } json ? new PartSource(ItemFields.Item(c), json) : null));
                    partInputs.Add(part.PartName, name, where, whereFilters, orderBy, orders);
                }
                else if (definition.FindPart(part.PartName) is { ContentPartFieldDefinitionRecords.Count: > 0 } custom)
                {
                    var bag = new ObjectGraphType { Name = type.Name + part.Name };
                    AddFields(bag, custom, part.Name, [], fields, null, null, null, null, null, fromPart: true);
                    graph.AddField(Gql.Field(name, bag, c => ItemFields.Item(c).FindPart(partName) is { } json ? new PartSource(ItemFields.Item(c), json) : null));
                }
            }

            var whereMap = new WhereMap(whereFilters);
            var orderMap = new OrderMap(orders);
            var contentType = type.Name;
            var maxFirst = options.MaxFirst;
            query.AddField(Gql.AsyncField(GraphNames.Camel(type.Name), Gql.List(graph), c => RootResolvers.ListAsync(c, contentType, whereMap, orderMap),
                new QueryArguments(
                    Gql.Argument("where", where),
                    Gql.Argument("orderBy", orderBy),
                    Gql.Argument("first", s.Int),
                    Gql.Argument("skip", s.Int),
                    Gql.Argument("status", status, ItemStatus.Published)),
                $"{type.DisplayName ?? type.Name} items.")
                // Complexity: a list's children count once per item it may return (first, or the page size when left out).
                .WithComplexityImpact(context => new GraphQL.Validation.Complexity.FieldComplexityResult(1, Math.Clamp(context.Arguments?.TryGetValue("first", out var first) == true && first.Value is int n ? n : maxFirst, 1, maxFirst)))
                // Published reads cache their ids and items: run again after a fallback, they cost no query.
                .Direct());
        }

        query.AddField(Gql.AsyncField("contentItem", contentItem, RootResolvers.ContentItemAsync,
            new QueryArguments(Gql.Argument("contentItemId", Gql.NonNull(s.String)), Gql.Argument("status", status, ItemStatus.Published)),
            "One item by id."));
        query.AddField(Search.SearchGraphType.Create(s, contentItem, options.MaxFirst));
        query.AddField(Gql.AsyncField("siteSettings", SiteSettingsGraphType.Create(s), RootResolvers.SiteSettingsAsync, description: "The site's region, cultures and phone lines."));

        // Names are set exactly as Orchard spells them (AND/OR/NOT, camelCase fields): no conversion.
        var schema = new GraphQL.Types.Schema { Query = query, Mutation = Mutations.SubmitFormMutation.Create(s), NameConverter = GraphQL.Conversion.DefaultNameConverter.Instance };
        foreach (var graph in objects.Values)
        {
            schema.RegisterType(graph);
        }

        schema.Initialize();
        return schema;
    }

    private const string Generic = "GenericContentItem";

    private void AddFields(ObjectGraphType graph, ContentPartDefinition? part, string partName, HashSet<string> taken, FieldGraphTypes fields,
        FieldFilters? filters, InputObjectGraphType? where, Dictionary<string, ItemFilter>? whereFilters, InputObjectGraphType? orderBy,
        Dictionary<string, ItemOrder>? orders, bool fromPart = false)
    {
        foreach (var field in part?.ContentPartFieldDefinitionRecords ?? [])
        {
            var name = GraphNames.Camel(field.Name);
            if (GraphNames.Valid(name) is null || fieldTypes.Find(field.FieldName) is null || fields.Find(field.FieldName) is not { } fieldType || !taken.Add(name))
            {
                continue;
            }

            var fieldName = field.Name;
            graph.AddField(fromPart
                ? Gql.Field(name, fieldType, c => ((PartSource)c.Source!).Json[fieldName] as System.Text.Json.Nodes.JsonObject ?? [])
                : Gql.Field(name, fieldType, c => ItemFields.Item(c).FindPart(partName)?[fieldName] as System.Text.Json.Nodes.JsonObject ?? []));
            if (filters is not null)
            {
                filters.Add(field.FieldName, partName, fieldName, name, where!, whereFilters!, orderBy!, orders!);
            }
        }
    }
}
