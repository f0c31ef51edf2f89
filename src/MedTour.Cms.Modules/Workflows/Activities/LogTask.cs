using System.Text.Json.Nodes;
using MedTour.Cms.Modules.Workflows.Engine;
using Microsoft.Extensions.Logging;

namespace MedTour.Cms.Modules.Workflows.Activities;

/// <summary>Orchard's LogTask: writes <c>Text</c> (Liquid) to the log at <c>LogLevel</c>. Workflow authors must not log patients' data.</summary>
public sealed class LogTask(ILogger<LogTask> logger) : IActivity
{
    public string Name => "LogTask";
    public ActivityKind Kind => ActivityKind.Task;
    public IReadOnlyList<string> Outcomes(JsonObject properties) => ["Done"];
    public IEnumerable<(string Property, string Message)> Validate(JsonObject properties) => ActivityProperties.Required(properties, "Text");

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = await context.Expressions.RenderLiquidAsync(ActivityProperties.Expression(context.Properties, "Text")!, context);
        var level = context.Properties["LogLevel"] is JsonValue v && v.TryGetValue<int>(out var l) && Enum.IsDefined(typeof(LogLevel), l) ? (LogLevel)l : LogLevel.Information;
        logger.Log(level, "Workflow {WorkflowId}: {Text}", context.State.WorkflowId, text);
        return ActivityResult.Done;
    }
}
