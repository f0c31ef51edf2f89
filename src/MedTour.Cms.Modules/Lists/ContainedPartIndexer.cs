using System.Text.Json;
using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Content.Fields;
using MedTour.Cms.Content.Indexing;

namespace MedTour.Cms.Modules.Lists;

/// <summary>
/// Indexes Orchard's <c>ContainedPart {"ListContentItemId": "…", "Order": 0}</c>, which a ListPart gives the items it
/// contains (undeclared on their type, as in Orchard), so a container finds its items with one indexed query.
/// </summary>
public sealed class ContainedPartIndexer : IPartIndexer
{
    public const string Part = "ContainedPart";
    public const string ListContentItemId = "ListContentItemId";
    public const string Order = "Order";

    public string PartName => Part;

    public IEnumerable<(string Property, IndexedValue Value)> Index(ContentItem version, ContentTypeDefinition? type)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.FindPart(Part) is not { } part || part[ListContentItemId] is not JsonValue id || !id.TryGetValue<string>(out var container) || container.Length == 0)
        {
            yield break;
        }

        yield return (ListContentItemId, new IndexedValue(Text: container));
        if (part[Order] is JsonValue order && order.GetValueKind() == JsonValueKind.Number)
        {
            yield return (Order, new IndexedValue(Number: order.GetValue<double>()));
        }
    }
}
