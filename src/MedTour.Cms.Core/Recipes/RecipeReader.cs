using System.Text.Json;
using System.Text.Json.Nodes;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Recipes;

/// <summary>Finds recipes by name in the recipes folder and parses them, with errors that give line and position. Singleton.</summary>
public sealed class RecipeReader(AppPaths paths)
{
    public static RecipeDescriptor Parse(string json, string source)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new RecipeException($"Recipe {source} is not valid JSON: line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}", e);
        }

        if (node is not JsonObject recipe)
        {
            throw new RecipeException($"Recipe {source}: expected a JSON object with \"name\" and \"steps\".");
        }

        if (recipe["steps"] is not JsonArray)
        {
            throw new RecipeException($"Recipe {source} at $.steps: expected an array of steps.");
        }

        var name = recipe["name"] is JsonValue v && v.TryGetValue<string>(out var n) ? n : Path.GetFileNameWithoutExtension(source);
        return new RecipeDescriptor(name, source, recipe);
    }

    /// <summary>Reads a recipe file; its folder is where its <c>[file: …]</c> expressions look.</summary>
    public static RecipeDescriptor Load(string file)
    {
        var full = Path.GetFullPath(file);
        return Parse(File.ReadAllText(full), Path.GetFileName(full)) with { Folder = Path.GetDirectoryName(full) };
    }

    public RecipeDescriptor? Find(string name)
    {
        var file = Path.Combine(paths.Recipes, name + ".recipe.json");
        if (File.Exists(file))
        {
            return Load(file);
        }

        // A recipe's "name" may differ from its file name.
        return List().FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    public IEnumerable<RecipeDescriptor> List() =>
        Directory.Exists(paths.Recipes)
            ? Directory.EnumerateFiles(paths.Recipes, "*.recipe.json").Order(StringComparer.Ordinal).Select(Load)
            : [];

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
