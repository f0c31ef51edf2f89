using System.Text.Json.Nodes;
using MedTour.Cms.Modules.Workflows.Engine;

namespace MedTour.Cms.Modules.Workflows.Activities;

/// <summary>Orchard's SetPropertyTask: the workflow property <c>PropertyName</c> gets the value of <c>Value</c> (JavaScript).</summary>
public sealed class SetPropertyTask : IActivity
{
    public string Name => "SetPropertyTask";
    public ActivityKind Kind => ActivityKind.Task;
    public IReadOnlyList<string> Outcomes(JsonObject properties) => ["Done"];

    public IEnumerable<(string Property, string Message)> Validate(JsonObject properties) =>
        (string.IsNullOrWhiteSpace(properties?["PropertyName"]?.GetValue<string>()) ? [("PropertyName", "is required.")] : Array.Empty<(string, string)>())
            .Concat(ActivityProperties.Required(properties!, "Value"));

    public Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (value, _) = context.Expressions.Evaluate(ActivityProperties.Expression(context.Properties, "Value")!, context);
        context.State.Properties[context.Properties["PropertyName"]!.GetValue<string>()] = value;
        return Task.FromResult(ActivityResult.Done);
    }
}
