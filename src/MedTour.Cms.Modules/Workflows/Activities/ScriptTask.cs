using System.Text.Json.Nodes;
using MedTour.Cms.Modules.Workflows.Engine;

namespace MedTour.Cms.Modules.Workflows.Activities;

/// <summary>Orchard's ScriptTask: runs <c>Script</c>; its <c>setOutcome(…)</c> calls (one of <c>AvailableOutcomes</c>) choose where to go, its value is the last result.</summary>
public sealed class ScriptTask : IActivity
{
    public string Name => "ScriptTask";
    public ActivityKind Kind => ActivityKind.Task;

    public IReadOnlyList<string> Outcomes(JsonObject properties) => ActivityProperties.Strings(properties, "AvailableOutcomes") is { Count: > 0 } outcomes ? outcomes : ["Done"];

    public IEnumerable<(string Property, string Message)> Validate(JsonObject properties) => ActivityProperties.Required(properties, "Script");

    public Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (value, outcomes) = context.Expressions.Evaluate(ActivityProperties.Expression(context.Properties, "Script")!, context);
        context.State.LastResult = value;
        var available = Outcomes(context.Properties);
        if (outcomes.FirstOrDefault(o => !available.Contains(o)) is { } unknown)
        {
            return Task.FromResult(ActivityResult.Fault($"the script set the outcome '{unknown}', which is not one of {string.Join(", ", available)}."));
        }

        return Task.FromResult(outcomes.Count > 0 ? ActivityResult.Outcome([.. outcomes]) : ActivityResult.Outcome(available[0]));
    }
}
