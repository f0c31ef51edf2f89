using System.Text.Json.Nodes;

namespace MedTour.Cms.Recipes;

/// <summary>Property look-ups as Orchard reads recipes: the exact name first, then any casing (<c>data</c>/<c>Data</c>).</summary>
public static class RecipeJson
{
    public static JsonNode? Get(JsonNode? node, string name)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }

        if (obj.TryGetPropertyValue(name, out var exact))
        {
            return exact;
        }

        foreach (var (key, value) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Renames a property to its canonical casing (when only another casing is present).</summary>
    public static void Canonicalize(JsonObject obj, string name)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj.ContainsKey(name))
        {
            return;
        }

        var key = obj.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        if (key is not null)
        {
            var value = obj[key];
            obj.Remove(key);
            obj[name] = value;
        }
    }
}
