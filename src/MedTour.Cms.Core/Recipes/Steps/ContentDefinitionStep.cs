using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Content.Fields;
using MedTour.Cms.Recipes.Orchard;

namespace MedTour.Cms.Recipes.Steps;

/// <summary>
/// Orchard's "ContentDefinition" step: adds or replaces content types and parts (by name). Every part a
/// type uses must be a built-in part or a part defined here or before; every field type must be known.
/// Property names match in any casing and both of Orchard's settings shapes are read (see <see cref="OrchardDefinitionSettings"/>).
/// </summary>
public sealed partial class ContentDefinitionStep(ContentDefinitionManager definitions, ContentValidator validator, ContentFieldTypes fieldTypes) : IRecipeStepHandler
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.General) { PropertyNameCaseInsensitive = true };

    public string Name => "ContentDefinition";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = await definitions.GetAsync();
        var next = new ContentDefinition
        {
            ContentTypeDefinitionRecords = [.. current.ContentTypeDefinitionRecords],
            ContentPartDefinitionRecords = [.. current.ContentPartDefinitionRecords],
        };

        var parts = context.OptionalArray("ContentParts");
        for (var i = 0; i < parts.Count; i++)
        {
            var part = Read<ContentPartDefinition>(parts[i], $"ContentParts[{i}]");
            OrchardDefinitionSettings.Normalize(part);
            CheckName(part.Name, $"ContentParts[{i}].Name");
            for (var f = 0; f < part.ContentPartFieldDefinitionRecords.Count; f++)
            {
                var field = part.ContentPartFieldDefinitionRecords[f];
                var path = $"ContentParts[{i}].ContentPartFieldDefinitionRecords[{f}]";
                CheckName(field.Name, path + ".Name");
                if (fieldTypes.Find(field.FieldName) is null)
                {
                    throw RecipeStepContext.Error(path + ".FieldName", $"unknown field type '{field.FieldName}' (known: {string.Join(", ", fieldTypes.Names.Order(StringComparer.Ordinal))}).");
                }
            }

            next.ContentPartDefinitionRecords.RemoveAll(p => p.Name == part.Name);
            next.ContentPartDefinitionRecords.Add(part);
        }

        var types = context.OptionalArray("ContentTypes");
        var newTypes = new List<(ContentTypeDefinition Type, string Path)>();
        for (var i = 0; i < types.Count; i++)
        {
            var type = Read<ContentTypeDefinition>(types[i], $"ContentTypes[{i}]");
            OrchardDefinitionSettings.Normalize(type);
            CheckName(type.Name, $"ContentTypes[{i}].Name");
            next.ContentTypeDefinitionRecords.RemoveAll(t => t.Name == type.Name);
            next.ContentTypeDefinitionRecords.Add(type);
            newTypes.Add((type, $"ContentTypes[{i}]"));
        }

        foreach (var (type, path) in newTypes)
        {
            for (var p = 0; p < type.ContentTypePartDefinitionRecords.Count; p++)
            {
                var partName = type.ContentTypePartDefinitionRecords[p].PartName;
                if (!validator.IsKnownPart(partName) && next.FindPart(partName) is null && partName != type.Name)
                {
                    throw RecipeStepContext.Error($"{path}.ContentTypePartDefinitionRecords[{p}].PartName",
                        $"unknown part '{partName}': not a built-in part and not defined under ContentParts.");
                }
            }
        }

        await definitions.SaveAsync(next);
    }

    private static T Read<T>(JsonNode? node, string path)
    {
        if (node is not JsonObject)
        {
            throw RecipeStepContext.Error(path, "expected an object.");
        }

        try
        {
            return node.Deserialize<T>(JsonOptions) ?? throw RecipeStepContext.Error(path, "expected an object.");
        }
        catch (JsonException e)
        {
            throw RecipeStepContext.Error(path + (e.Path is { Length: > 1 } p ? p[1..] : ""), e.Message.Split(" Path:")[0]);
        }
    }

    private static void CheckName(string? name, string path)
    {
        if (name is null || !Identifier().IsMatch(name))
        {
            throw RecipeStepContext.Error(path, $"'{name}' is not a valid name (letters, digits and _, starting with a letter).");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex Identifier();
}
