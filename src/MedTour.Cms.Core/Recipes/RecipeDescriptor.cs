using System.Text.Json.Nodes;

namespace MedTour.Cms.Recipes;

/// <summary>A recipe file read from disk (or given by a caller): its name and parsed JSON.</summary>
public sealed record RecipeDescriptor(string Name, string Source, JsonObject Json)
{
    public string? DisplayName => Json["displayName"]?.GetValue<string>();

    /// <summary>The folder the recipe was read from: <c>[file: …]</c> expressions may read files under it, and nothing else.</summary>
    public string? Folder { get; init; }
}
