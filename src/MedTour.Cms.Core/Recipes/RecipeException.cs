namespace MedTour.Cms.Recipes;

/// <summary>A recipe that cannot be imported. The message names the recipe, the step and the JSON path; nothing was written.</summary>
public sealed class RecipeException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Thrown by a step handler; <see cref="RecipeExecutor"/> adds the recipe and step to the message.</summary>
public sealed class RecipeStepException(string path, string message) : Exception(message)
{
    /// <summary>Path inside the step, e.g. <c>data[5].ContentType</c>; empty for the step itself.</summary>
    public string PathInStep { get; } = path;
}
