namespace MedTour.Cms.Recipes.Scripting;

/// <summary>An expression that could not be evaluated; the evaluator adds the step, the JSON path and the expression.</summary>
public sealed class RecipeScriptException(string message, Exception? inner = null) : Exception(message, inner);
