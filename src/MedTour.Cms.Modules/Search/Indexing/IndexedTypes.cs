using System.Text.Json.Nodes;
using MedTour.Cms.Content.Definitions;

namespace MedTour.Cms.Modules.Search.Indexing;

/// <summary>
/// What one indexing pass puts in: the content types (<see cref="Names"/>), and the types whose HTML body also goes
/// under Orchard's own keys (<c>HtmlBodyPart</c>, <c>{Type}.HtmlBodyPart</c>) because their definition says so, as in
/// Orchard: <c>LuceneContentIndexSettings</c> (or the older <c>ContentIndexSettings</c>) with <c>Included: true</c> on the
/// type's HtmlBodyPart. The body's text is in the full text either way; a second copy costs a third of the indexing.
/// </summary>
public sealed record IndexedTypes(HashSet<string> Names, HashSet<string> HtmlBodyKeyed)
{
    public static IndexedTypes From(IEnumerable<string> names, ContentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var types = new HashSet<string>(names, StringComparer.Ordinal);
        var keyed = definition.ContentTypeDefinitionRecords
            .Where(t => types.Contains(t.Name) && t.FindPart("HtmlBodyPart") is { } part && Included(part.Settings))
            .Select(t => t.Name);
        return new IndexedTypes(types, new HashSet<string>(keyed, StringComparer.Ordinal));
    }

    private static bool Included(JsonObject settings) =>
        (settings["LuceneContentIndexSettings"] ?? settings["ContentIndexSettings"])?["Included"] is JsonValue value
        && value.TryGetValue<bool>(out var included) && included;
}
