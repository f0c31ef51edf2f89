namespace MedTour.Cms.Recipes;

/// <summary>Executes one kind of recipe step (matched by name, case-insensitively), inside the import's transaction.</summary>
public interface IRecipeStepHandler
{
    string Name { get; }

    Task ExecuteAsync(RecipeStepContext context);
}
