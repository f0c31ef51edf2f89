using System.Text.Json.Nodes;

namespace MedTour.Cms.Recipes.Scripting;

/// <summary>
/// Replaces every string value of a step that is a whole expression (<c>"[js: uuid()]"</c>) by its result, as
/// Orchard does before running a step. An error names the JSON path inside the step and the expression.
/// </summary>
public static class RecipeScriptEvaluator
{
    public static void EvaluateStep(JsonObject step, RecipeScriptScope scope)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var (name, child) in step.ToList())
        {
            // The step's name picks its handler before anything runs; it stays literal.
            var replaced = string.Equals(name, "name", StringComparison.OrdinalIgnoreCase) ? child : Walk(child, name, scope);
            if (!ReferenceEquals(replaced, child))
            {
                step[name] = replaced;
            }
        }
    }

    private static JsonNode? Walk(JsonNode? node, string path, RecipeScriptScope scope)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    var replaced = Walk(child, $"{path}.{name}", scope);
                    if (!ReferenceEquals(replaced, child))
                    {
                        obj[name] = replaced;
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var child = array[i];
                    var replaced = Walk(child, $"{path}[{i}]", scope);
                    if (!ReferenceEquals(replaced, child))
                    {
                        array[i] = replaced;
                    }
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var text) && RecipeExpression.TryParse(text, out var expression):
                try
                {
                    return scope.Evaluate(expression);
                }
                catch (RecipeScriptException e)
                {
                    throw RecipeStepContext.Error(path, $"{text} could not be evaluated: {e.Message}");
                }

            default:
                return node;
        }
    }
}
