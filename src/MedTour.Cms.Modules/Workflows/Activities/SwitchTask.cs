using System.Text.Json.Nodes;
using MedTour.Cms.Modules.Workflows.Engine;

namespace MedTour.Cms.Modules.Workflows.Activities;

/// <summary><c>Expression</c> (JavaScript) gives a value; the outcome is the one of <c>Cases</c> equal to it, else <c>Default</c>.</summary>
public sealed class SwitchTask : IActivity
{
    public string Name => "SwitchTask";
    public ActivityKind Kind => ActivityKind.Task;
    public IReadOnlyList<string> Outcomes(JsonObject properties) => [.. ActivityProperties.Strings(properties, "Cases"), "Default"];

    public IEnumerable<(string Property, string Message)> Validate(JsonObject properties) =>
        ActivityProperties.Required(properties, "Expression")
            .Concat(ActivityProperties.Strings(properties, "Cases").Count == 0 ? [("Cases", "list at least one case.")] : []);

    public Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (value, _) = context.Expressions.Evaluate(ActivityProperties.Expression(context.Properties, "Expression")!, context);
        var text = value is JsonValue v ? v.ToString() : value?.ToJsonString();
        var match = ActivityProperties.Strings(context.Properties, "Cases").FirstOrDefault(c => c == text);
        return Task.FromResult(ActivityResult.Outcome(match ?? "Default"));
    }
}
