using System.Text.Json;
using MedTour.Cms.Modules.Workflows.Engine;
using MedTour.Cms.Modules.Workflows.Model;
using MedTour.Cms.Recipes;

namespace MedTour.Cms.Modules.Workflows.Recipes;

/// <summary>
/// Orchard's <c>WorkflowType</c> step: <c>{ "name": "WorkflowType", "data": [ { "WorkflowTypeId", "Name", "IsEnabled",
/// "IsSingleton", "DeleteFinishedWorkflows", "Activities": [...], "Transitions": [...] } ] }</c>. Every type is checked
/// against the activity catalogue before any is saved; an error names the type and the activity.
/// </summary>
public sealed class WorkflowTypeStep(WorkflowTypeStore store, WorkflowTypeValidator validator) : IRecipeStepHandler
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public string Name => "WorkflowType";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var types = new List<WorkflowType>();
        var data = context.RequiredArray("data");
        for (var i = 0; i < data.Count; i++)
        {
            WorkflowType? type;
            try
            {
                type = data[i]?.Deserialize<WorkflowType>(Json);
            }
            catch (JsonException e)
            {
                throw RecipeStepContext.Error($"data[{i}]", $"is not a workflow type: {e.Message}");
            }

            if (type is null || string.IsNullOrWhiteSpace(type.WorkflowTypeId))
            {
                throw RecipeStepContext.Error($"data[{i}].WorkflowTypeId", "is required.");
            }

            if (validator.Validate(type) is { Count: > 0 } errors)
            {
                throw RecipeStepContext.Error($"data[{i}] ({type.Name})", string.Join(" ", errors));
            }

            types.Add(type);
        }

        foreach (var type in types)
        {
            await store.SaveAsync(type);
        }
    }
}
