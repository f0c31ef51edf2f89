using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Data;

namespace MedTour.Cms.Recipes;

/// <summary>
/// Imports a recipe into the current tenant as one transaction: every step or none. Steps that touch
/// things outside the database (files, other tenants, tenant settings) defer that work until after the
/// commit. Scoped; one import at a time per scope.
/// </summary>
public sealed class RecipeExecutor(IEnumerable<IRecipeStepHandler> handlers, UnitOfWork unitOfWork, RecipeReader reader)
{
    private const int MaxNesting = 8;
    private readonly Dictionary<string, IRecipeStepHandler> _handlers = handlers.ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);
    private readonly Stack<string> _running = new();

    public RecipeReader Reader => reader;

    public async Task ExecuteAsync(RecipeDescriptor recipe, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        await ExecuteStepsAsync(recipe, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Runs a recipe's steps in the transaction already open (the Recipes step uses this for nested recipes).</summary>
    public async Task ExecuteStepsAsync(RecipeDescriptor recipe, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        if (_running.Contains(recipe.Name, StringComparer.OrdinalIgnoreCase) || _running.Count >= MaxNesting)
        {
            throw new RecipeException($"Recipe {recipe.Source}: recipes include each other in a loop ({string.Join(" → ", _running.Reverse().Append(recipe.Name))}).");
        }

        var steps = (JsonArray)recipe.Json["steps"]!;
        var planned = new List<(int Index, JsonObject Step, IRecipeStepHandler Handler)>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is not JsonObject step)
            {
                throw new RecipeException($"Recipe {recipe.Source}, step {i + 1} at $.steps[{i}]: expected an object with a \"name\".");
            }

            var name = step["name"] is JsonValue v && v.TryGetValue<string>(out var n) ? n : null;
            if (name is null || !_handlers.TryGetValue(name, out var handler))
            {
                var known = string.Join(", ", _handlers.Keys.Order(StringComparer.Ordinal));
                throw new RecipeException(name is null
                    ? $"Recipe {recipe.Source}, step {i + 1} at $.steps[{i}].name: expected the step's name (one of {known})."
                    : $"Recipe {recipe.Source}, step {i + 1} at $.steps[{i}].name: unknown step '{name}' (known steps: {known}).");
            }

            planned.Add((i, step, handler));
        }

        _running.Push(recipe.Name);
        try
        {
            foreach (var (index, step, handler) in planned)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    await handler.ExecuteAsync(new RecipeStepContext(this, recipe, index, step));
                }
                catch (RecipeStepException e)
                {
                    throw new RecipeException(Where(recipe, index, handler, e.PathInStep) + e.Message, e);
                }
                catch (ContentValidationException e)
                {
                    throw new RecipeException(Where(recipe, index, handler, string.Empty) + string.Join(" ", e.Errors.Select(x => $"{x.Field}: {x.Message}")), e);
                }
                catch (ContentConcurrencyException e)
                {
                    throw new RecipeException(Where(recipe, index, handler, string.Empty) + e.Message, e);
                }
            }
        }
        finally
        {
            _running.Pop();
        }
    }

    private static string Where(RecipeDescriptor recipe, int index, IRecipeStepHandler handler, string path) =>
        $"Recipe {recipe.Source}, step {index + 1} ({handler.Name}) at $.steps[{index}]{(path.Length == 0 ? "" : path.StartsWith('[') ? path : "." + path)}: ";
}
