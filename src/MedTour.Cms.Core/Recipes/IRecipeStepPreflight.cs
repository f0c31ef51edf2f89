using System.Text.Json.Nodes;

namespace MedTour.Cms.Recipes;

/// <summary>
/// A step handler that can tell, before anything runs, which entries of its step this host does not support
/// (the Feature step's unknown features), and drop them when the import skips what is unsupported.
/// </summary>
public interface IRecipeStepPreflight
{
    /// <summary>Paths inside the step (<c>enable[2]</c>) with what is unsupported there.</summary>
    IEnumerable<RecipeUnsupported> FindUnsupported(JsonObject stepJson);

    /// <summary>Removes the entries <see cref="FindUnsupported"/> reported.</summary>
    void RemoveUnsupported(JsonObject stepJson);
}

/// <summary>Something a recipe asks for that this host does not have: where it is, and what.</summary>
public sealed record RecipeUnsupported(string Path, string What);
