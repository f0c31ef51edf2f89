using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Recipes.Scripting;

/// <summary>Makes the expression scope of a recipe (its variables, folder and the tenant's setup parameters). Scoped.</summary>
public sealed class RecipeScripting(IOptions<RecipeScriptOptions> options, IConfiguration configuration, RecipeParameters parameters)
{
    public RecipeScriptScope CreateScope(RecipeDescriptor recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var variables = RecipeJson.Get(recipe.Json, "variables") switch
        {
            null => [],
            JsonObject section => (JsonObject)section.DeepClone(),
            _ => throw new RecipeException($"Recipe {recipe.Source} at $.variables: expected an object of name → value."),
        };
        return new RecipeScriptScope(variables, recipe.Folder, options.Value, configuration, parameters.All());
    }
}
