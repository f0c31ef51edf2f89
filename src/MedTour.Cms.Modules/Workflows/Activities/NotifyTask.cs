using System.Text.Json.Nodes;
using MedTour.Cms.Modules.Workflows.Engine;
using MedTour.Cms.Modules.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Workflows.Activities;

/// <summary>
/// Orchard's NotifyTask, for a background engine: a note in the history of the consultation request the instance is
/// about (<c>Reference</c>, Liquid, default the instance's correlation id), which coordinators see in the inbox.
/// <c>Message</c> (Liquid) is the text; <c>NotificationType</c> <c>Warning</c> or <c>Error</c> makes it an alert.
/// An instance about no request faults here, so a mistaken workflow shows in the admin.
/// </summary>
public sealed class NotifyTask : IActivity
{
    public string Name => "NotifyTask";
    public ActivityKind Kind => ActivityKind.Task;
    public IReadOnlyList<string> Outcomes(JsonObject properties) => ["Done"];
    public IEnumerable<(string Property, string Message)> Validate(JsonObject properties) => ActivityProperties.Required(properties, "Message");

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reference = ActivityProperties.Expression(context.Properties, "Reference") is { } r
            ? (await context.Expressions.RenderLiquidAsync(r, context)).Trim()
            : context.State.CorrelationId;
        if (string.IsNullOrEmpty(reference) || !await context.Services.GetRequiredService<RequestNotes>().RequestExistsAsync(reference))
        {
            return ActivityResult.Fault($"there is no consultation request '{reference}' to notify.");
        }

        var message = await context.Expressions.RenderLiquidAsync(ActivityProperties.Expression(context.Properties, "Message")!, context);
        var kind = context.Text("NotificationType") is "Warning" or "Error" ? "alert" : "note";
        context.Effects.Add(new WorkflowEffect(WorkflowEffectKinds.Note, context.EffectKey("note"), new JsonObject { ["Reference"] = reference, ["Kind"] = kind, ["Text"] = message }));
        return ActivityResult.Done;
    }
}
