using GraphQL.Types;
using MedTour.Cms.Modules.Graph.Query;

namespace MedTour.Cms.Modules.Graph.Schema;

/// <summary>Orchard's part filters (<c>autoroutePart: { path }</c>, <c>localizationPart: { culture }</c>) and their sort keys.</summary>
public sealed class PartInputs
{
    private readonly InputObjectGraphType _routeWhere = new() { Name = "AutoroutePartWhereInput" };
    private readonly InputObjectGraphType _localizationWhere = new() { Name = "LocalizationPartWhereInput" };
    private readonly InputObjectGraphType _routeOrder = new() { Name = "AutoroutePartOrderByInput" };
    private readonly InputObjectGraphType _localizationOrder = new() { Name = "LocalizationPartOrderByInput" };
    private readonly WhereMap _route;
    private readonly WhereMap _localization;

    public PartInputs(Scalars s, IGraphType direction)
    {
        var route = new Dictionary<string, ItemFilter>(StringComparer.Ordinal);
        var localization = new Dictionary<string, ItemFilter>(StringComparer.Ordinal);
        foreach (var op in Operators.Text)
        {
            var type = op.EndsWith("_in", StringComparison.Ordinal) ? (IGraphType)Gql.List(s.String) : s.String;
            _routeWhere.AddField(Gql.Input("path" + op, type));
            route["path" + op] = ItemFilters.Route(op);
            _localizationWhere.AddField(Gql.Input("culture" + op, type));
            localization["culture" + op] = ItemFilters.Localization(l => l.Culture, op);
            _localizationWhere.AddField(Gql.Input("localizationSet" + op, type));
            localization["localizationSet" + op] = ItemFilters.Localization(l => l.LocalizationSet, op);
        }

        _route = new WhereMap(route);
        _localization = new WhereMap(localization);
        _routeOrder.AddField(Gql.Input("path", direction));
        _localizationOrder.AddField(Gql.Input("culture", direction));
    }

    public void Add(string partName, string graphName, InputObjectGraphType where, Dictionary<string, ItemFilter> filters, InputObjectGraphType orderBy, Dictionary<string, ItemOrder> orders)
    {
        switch (partName)
        {
            case "AutoroutePart":
                where.AddField(Gql.Input(graphName, _routeWhere));
                filters[graphName] = ItemFilters.Nested(_route);
                orderBy.AddField(Gql.Input(graphName, _routeOrder));
                orders[graphName + ".path"] = OrderMap.RoutePath();
                break;
            case "LocalizationPart":
                where.AddField(Gql.Input(graphName, _localizationWhere));
                filters[graphName] = ItemFilters.Nested(_localization);
                orderBy.AddField(Gql.Input(graphName, _localizationOrder));
                orders[graphName + ".culture"] = OrderMap.Culture();
                break;
        }
    }
}
