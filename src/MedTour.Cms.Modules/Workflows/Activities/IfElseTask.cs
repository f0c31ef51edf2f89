using System.Text.Json.Nodes;
using MedTour.Cms.Modules.Workflows.Engine;

namespace MedTour.Cms.Modules.Workflows.Activities;

/// <summary>Orchard's IfElseTask: <c>Condition</c> (JavaScript) decides between the outcomes True and False.</summary>
public sealed class IfElseTask : IActivity
{
    public string Name => "IfElseTask";
    public ActivityKind Kind => ActivityKind.Task;
    public IReadOnlyList<string> Outcomes(JsonObject properties) => ["True", "False"];
    public IEnumerable<(string Property, string Message)> Validate(JsonObject properties) => ActivityProperties.Required(properties, "Condition");

    public Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (value, _) = context.Expressions.Evaluate(ActivityProperties.Expression(context.Properties, "Condition") ?? "false", context);
        var truthy = value switch
        {
            null => false,
            JsonValue v when v.TryGetValue<bool>(out var b) => b,
            JsonValue v when v.TryGetValue<double>(out var d) => d != 0,
            JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0,
            _ => true,
        };
        return Task.FromResult(ActivityResult.Outcome(truthy ? "True" : "False"));
    }
}
