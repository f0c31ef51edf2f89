using System.Text.Json.Nodes;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Content.Fields;

namespace MedTour.Cms.Recipes.Orchard;

/// <summary>
/// Gives a content item's JSON the casing this host reads (<c>Displaytext</c> → <c>DisplayText</c>,
/// <c>contentitemid</c> → <c>ContentItemId</c>, <c>titlePart.title</c> → <c>TitlePart.Title</c>), as Orchard reads
/// recipes without regard to case: metadata, the type's parts, the properties of built-in parts, fields and
/// their value property.
/// </summary>
public static class OrchardContentNames
{
    private static readonly string[] Metadata =
    [
        "ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published",
        "Owner", "Author", "CreatedUtc", "ModifiedUtc", "PublishedUtc",
    ];

    private static readonly Dictionary<string, string[]> PartProperties = new(StringComparer.Ordinal)
    {
        ["TitlePart"] = ["Title"],
        ["AutoroutePart"] = ["Path", "SetHomepage", "Disabled", "RouteContainedItems"],
        ["HtmlBodyPart"] = ["Html"],
        ["MarkdownBodyPart"] = ["Markdown"],
        ["LocalizationPart"] = ["LocalizationSet", "Culture"],
        ["SeoMetaPart"] = ["PageTitle", "MetaDescription", "MetaKeywords", "Canonical", "MetaRobots", "Render"],
        ["TaxonomyPart"] = ["TermContentType", "Terms"],
        ["PublishLaterPart"] = ["ScheduledPublishUtc"],
        ["ContainedPart"] = ["ListContentItemId", "Order", "ListContentType"],
    };

    public static void Canonicalize(JsonObject item, ContentDefinition definition, ContentFieldTypes fieldTypes)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(fieldTypes);
        foreach (var name in Metadata)
        {
            RecipeJson.Canonicalize(item, name);
        }

        var typeName = item["ContentType"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : null;
        var type = typeName is null ? null : definition.FindType(typeName)
            ?? definition.ContentTypeDefinitionRecords.Find(x => string.Equals(x.Name, typeName, StringComparison.OrdinalIgnoreCase));
        if (type is null)
        {
            return;
        }

        item["ContentType"] = type.Name;
        foreach (var typePart in type.ContentTypePartDefinitionRecords)
        {
            RecipeJson.Canonicalize(item, typePart.Name);
            if (item[typePart.Name] is not JsonObject part)
            {
                continue;
            }

            foreach (var property in PartProperties.GetValueOrDefault(typePart.PartName, []))
            {
                RecipeJson.Canonicalize(part, property);
            }

            if (typePart.PartName == "TaxonomyPart" && part["Terms"] is JsonArray terms)
            {
                foreach (var term in terms.OfType<JsonObject>())
                {
                    Canonicalize(term, definition, fieldTypes);
                }
            }

            foreach (var field in definition.FindPart(typePart.PartName)?.ContentPartFieldDefinitionRecords ?? [])
            {
                RecipeJson.Canonicalize(part, field.Name);
                if (part[field.Name] is JsonObject value && fieldTypes.Find(field.FieldName) is { } fieldType)
                {
                    RecipeJson.Canonicalize(value, fieldType.ValueProperty);
                }
            }
        }
    }
}
