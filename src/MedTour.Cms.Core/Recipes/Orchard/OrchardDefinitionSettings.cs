using System.Text.Json.Nodes;
using MedTour.Cms.Content.Definitions;

namespace MedTour.Cms.Recipes.Orchard;

/// <summary>
/// Brings content-definition settings to Orchard's current nested shape (<c>ContentTypeSettings</c>,
/// <c>ContentTypePartSettings</c>, <c>AutoroutePartSettings</c>, <c>TextFieldSettings</c>…). Older Orchard recipes
/// write them flat, with strings for every value (<c>"Position": "1", "Pattern": "…", "Creatable": "True"</c>);
/// either shape may carry "True"/"False" strings, which become booleans.
/// </summary>
public static class OrchardDefinitionSettings
{
    private static readonly HashSet<string> TypePartKeys = new(StringComparer.OrdinalIgnoreCase) { "Position", "DisplayName", "Description", "Editor", "DisplayMode" };
    private static readonly HashSet<string> FieldKeys = new(StringComparer.OrdinalIgnoreCase) { "Position", "DisplayName", "Description", "Editor", "DisplayMode" };
    private static readonly HashSet<string> PartKeys = new(StringComparer.OrdinalIgnoreCase) { "Attachable", "Reusable", "Description", "DisplayName", "DefaultPosition" };
    private static readonly HashSet<string> TextKeys = new(StringComparer.OrdinalIgnoreCase) { "Position", "DefaultPosition", "DisplayName", "Description", "Hint", "Pattern", "Stereotype" };

    public static void Normalize(ContentTypeDefinition type)
    {
        ArgumentNullException.ThrowIfNull(type);
        type.Settings = Nest(type.Settings, _ => "ContentTypeSettings");
        foreach (var part in type.ContentTypePartDefinitionRecords)
        {
            var partName = part.PartName;
            part.Settings = Nest(part.Settings, key => TypePartKeys.Contains(key) ? "ContentTypePartSettings" : partName + "Settings");
        }
    }

    public static void Normalize(ContentPartDefinition part)
    {
        ArgumentNullException.ThrowIfNull(part);
        part.Settings = Nest(part.Settings, key => PartKeys.Contains(key) ? "ContentPartSettings" : part.Name + "Settings");
        foreach (var field in part.ContentPartFieldDefinitionRecords)
        {
            var fieldName = field.FieldName;
            field.Settings = Nest(field.Settings, key => FieldKeys.Contains(key) ? "ContentPartFieldSettings" : fieldName + "Settings");
        }
    }

    /// <summary>Moves each flat value into the settings object <paramref name="section"/> names; keeps nested sections.</summary>
    private static JsonObject Nest(JsonObject settings, Func<string, string> section)
    {
        var nested = new JsonObject();
        foreach (var (key, value) in settings)
        {
            if (value is JsonObject group)
            {
                var target = nested[key] as JsonObject ?? [];
                foreach (var (name, inner) in group)
                {
                    target[name] = Typed(name, inner);
                }

                nested[key] = target;
                continue;
            }

            var sectionName = section(key);
            var flat = nested[sectionName] as JsonObject ?? [];
            flat[key] = Typed(key, value);
            nested[sectionName] = flat;
        }

        return nested;
    }

    private static JsonNode? Typed(string key, JsonNode? value)
    {
        if (value is JsonValue v && v.TryGetValue<string>(out var text) && !TextKeys.Contains(key) && bool.TryParse(text, out var flag))
        {
            return JsonValue.Create(flag);
        }

        return value?.DeepClone();
    }
}
