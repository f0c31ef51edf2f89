using System.Text.Json.Nodes;

namespace MedTour.Cms.Modules.Workflows.Activities;

/// <summary>Reads activity properties as Orchard writes them: an expression is <c>{ "Expression": "…" }</c> (a plain string is accepted too).</summary>
public static class ActivityProperties
{
    public static string? Expression(JsonObject properties, string name)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return properties[name] switch
        {
            JsonObject o when o["Expression"] is JsonValue v && v.TryGetValue<string>(out var text) => text,
            JsonValue v when v.TryGetValue<string>(out var text) => text,
            _ => null,
        };
    }

    public static IReadOnlyList<string> Strings(JsonObject properties, string name)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return properties[name] is JsonArray array
            ? array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList()
            : [];
    }

    /// <summary>A required expression's problem, or nothing.</summary>
    public static IEnumerable<(string, string)> Required(JsonObject properties, string name) =>
        string.IsNullOrWhiteSpace(Expression(properties, name)) ? [(name, "is required.")] : [];
}
