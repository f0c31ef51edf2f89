namespace MedTour.Cms.Recipes.Steps;

/// <summary>Orchard's "Recipes" step: runs other recipes, by name, inside the same import.</summary>
public sealed class RecipesStep : IRecipeStepHandler
{
    public string Name => "Recipes";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var values = context.RequiredArray("Values");
        for (var i = 0; i < values.Count; i++)
        {
            var name = RecipeStepContext.RequiredString(RecipeJson.Get(values[i], "name"), $"Values[{i}].name");
            var recipe = context.Executor.Reader.Find(name) ?? throw RecipeStepContext.Error($"Values[{i}].name", $"there is no recipe named '{name}'.");
            await context.Executor.ExecuteStepsAsync(recipe);
        }
    }
}
