using System.Text.Json.Nodes;

namespace MedTour.Cms.Recipes;

/// <summary>One step being executed: its JSON and where it sits, for error messages. Property names match in any casing, as in Orchard.</summary>
public sealed class RecipeStepContext(RecipeExecutor executor, RecipeDescriptor recipe, int index, JsonObject step)
{
    public RecipeExecutor Executor { get; } = executor;
    public RecipeDescriptor Recipe { get; } = recipe;
    public int Index { get; } = index;
    public JsonObject Step { get; } = step;

    /// <summary>An error at a path inside the step (<c>data[3].ContentType</c>).</summary>
    public static RecipeStepException Error(string path, string message) => new(path, message);

    /// <summary>A property of the step, in any casing (<c>data</c> or <c>Data</c>).</summary>
    public JsonNode? Property(string property) => RecipeJson.Get(Step, property);

    /// <summary>A required array property; error when missing or of another JSON type.</summary>
    public JsonArray RequiredArray(string property) => Property(property) switch
    {
        JsonArray array => array,
        null => throw Error(property, "is required: expected an array."),
        var other => throw Error(property, $"expected an array, found {other.GetValueKind().ToString().ToLowerInvariant()}."),
    };

    public JsonArray OptionalArray(string property) => Property(property) is null ? [] : RequiredArray(property);

    public static string RequiredString(JsonNode? node, string path) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : throw Error(path, "expected a non-empty string.");
}
