using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Data;
using MedTour.Cms.Recipes.Scripting;

namespace MedTour.Cms.Recipes;

/// <summary>
/// Imports a recipe into the current tenant as one transaction: every step or none. Before any step runs, the
/// whole recipe is checked for steps and features this host does not support (refused together, each named,
/// unless the import skips them) and its <c>[js: …]</c>/<c>[file: …]</c> expressions are evaluated. Steps that
/// touch things outside the database (files, other tenants, tenant settings) defer that work until after the
/// commit. Scoped; one import at a time per scope.
/// </summary>
public sealed class RecipeExecutor(IEnumerable<IRecipeStepHandler> handlers, UnitOfWork unitOfWork, RecipeReader reader, RecipeScripting scripting)
{
    private const int MaxNesting = 8;
    private readonly Dictionary<string, IRecipeStepHandler> _handlers = handlers.ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);
    private readonly Stack<string> _running = new();
    private readonly List<string> _skipped = [];
    private RecipeImportOptions _options = RecipeImportOptions.Default;

    public RecipeReader Reader => reader;

    public Task ExecuteAsync(RecipeDescriptor recipe, CancellationToken cancellationToken = default) =>
        ExecuteAsync(recipe, RecipeImportOptions.Default, cancellationToken);

    public async Task<RecipeImportResult> ExecuteAsync(RecipeDescriptor recipe, RecipeImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _skipped.Clear();
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        await ExecuteStepsAsync(recipe, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RecipeImportResult([.. _skipped]);
    }

    /// <summary>Runs a recipe's steps in the transaction already open (the Recipes step uses this for nested recipes).</summary>
    public async Task ExecuteStepsAsync(RecipeDescriptor recipe, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        if (_running.Contains(recipe.Name, StringComparer.OrdinalIgnoreCase) || _running.Count >= MaxNesting)
        {
            throw new RecipeException($"Recipe {recipe.Source}: recipes include each other in a loop ({string.Join(" → ", _running.Reverse().Append(recipe.Name))}).");
        }

        var planned = Plan(recipe);
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
                    throw new RecipeException(Where(recipe, index, handler.Name, e.PathInStep) + e.Message, e);
                }
                catch (ContentValidationException e)
                {
                    throw new RecipeException(Where(recipe, index, handler.Name, string.Empty) + string.Join(" ", e.Errors.Select(x => $"{x.Field}: {x.Message}")), e);
                }
                catch (ContentConcurrencyException e)
                {
                    throw new RecipeException(Where(recipe, index, handler.Name, string.Empty) + e.Message, e);
                }
            }
        }
        finally
        {
            _running.Pop();
        }
    }

    /// <summary>Finds each step's handler, refuses (or drops) what is unsupported, and evaluates expressions: all before any write.</summary>
    private List<(int Index, JsonObject Step, IRecipeStepHandler Handler)> Plan(RecipeDescriptor recipe)
    {
        var steps = (JsonArray)recipe.Json["steps"]!;
        var planned = new List<(int Index, JsonObject Step, IRecipeStepHandler Handler)>();
        var unsupported = new List<string>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is not JsonObject step)
            {
                throw new RecipeException($"Recipe {recipe.Source}, step {i + 1} at $.steps[{i}]: expected an object with a \"name\".");
            }

            var name = RecipeJson.Get(step, "name") is JsonValue v && v.TryGetValue<string>(out var n) ? n : null;
            if (name is null)
            {
                throw new RecipeException($"Recipe {recipe.Source}, step {i + 1} at $.steps[{i}].name: expected the step's name (one of {KnownSteps}).");
            }

            if (!_handlers.TryGetValue(name, out var handler))
            {
                unsupported.Add($"Recipe {recipe.Source}, step {i + 1} at $.steps[{i}].name: unknown step '{name}' (known steps: {KnownSteps}).");
                continue;
            }

            // Evaluation replaces values: work on a copy so the descriptor can be imported again.
            var copy = (JsonObject)step.DeepClone();
            if (handler is IRecipeStepPreflight preflight)
            {
                var found = preflight.FindUnsupported(copy).Select(u => Where(recipe, i, handler.Name, u.Path) + u.What).ToList();
                unsupported.AddRange(found);
                if (found.Count > 0 && _options.SkipUnsupported)
                {
                    preflight.RemoveUnsupported(copy);
                }
            }

            planned.Add((i, copy, handler));
        }

        if (unsupported.Count > 0 && !_options.SkipUnsupported)
        {
            throw new RecipeException(
                $"Recipe {recipe.Source} asks for {unsupported.Count} thing(s) this host does not support; nothing was imported " +
                $"(import with --skip-unsupported to leave them out):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", unsupported)}");
        }

        _skipped.AddRange(unsupported);
        var scope = scripting.CreateScope(recipe);
        foreach (var (index, step, handler) in planned)
        {
            try
            {
                RecipeScriptEvaluator.EvaluateStep(step, scope);
            }
            catch (RecipeStepException e)
            {
                throw new RecipeException(Where(recipe, index, handler.Name, e.PathInStep) + e.Message, e);
            }
        }

        return planned;
    }

    private string KnownSteps => string.Join(", ", _handlers.Keys.Order(StringComparer.Ordinal));

    private static string Where(RecipeDescriptor recipe, int index, string handler, string path) =>
        $"Recipe {recipe.Source}, step {index + 1} ({handler}) at $.steps[{index}]{(path.Length == 0 ? "" : path.StartsWith('[') ? path : "." + path)}: ";
}
