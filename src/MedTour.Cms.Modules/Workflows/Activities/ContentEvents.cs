using MedTour.Cms.Modules.Workflows.Engine;

namespace MedTour.Cms.Modules.Workflows.Activities;

/// <summary>Orchard's content events, filtered by <c>ContentTypeFilter</c> (empty: every type). Input: ContentItemId, ContentType.</summary>
public abstract class ContentEvent : EventActivity
{
    protected override bool Filter(ActivityContext context, WorkflowEvent workflowEvent)
    {
        ArgumentNullException.ThrowIfNull(context);
        var types = ActivityProperties.Strings(context.Properties, "ContentTypeFilter");
        return types.Count == 0 || types.Contains(InputText(workflowEvent, "ContentType") ?? string.Empty, StringComparer.Ordinal);
    }
}

public sealed class ContentCreatedEvent : ContentEvent
{
    public const string Event = "ContentCreated";
    public override string Name => "ContentCreatedEvent";
    protected override string EventName => Event;
}

public sealed class ContentPublishedEvent : ContentEvent
{
    public const string Event = "ContentPublished";
    public override string Name => "ContentPublishedEvent";
    protected override string EventName => Event;
}

/// <summary>
/// A form was submitted (stored and acknowledged); <c>FormName</c> filters by form, by its name or its content item id
/// (empty: every form). Correlated by the submission's reference.
/// </summary>
public sealed class FormSubmittedEvent : EventActivity
{
    public const string Event = "FormSubmitted";
    public override string Name => "FormSubmittedEvent";
    protected override string EventName => Event;

    protected override bool Filter(ActivityContext context, WorkflowEvent workflowEvent)
    {
        ArgumentNullException.ThrowIfNull(context);
        var form = context.Text("FormName");
        return string.IsNullOrEmpty(form) || string.Equals(form, InputText(workflowEvent, "FormName"), StringComparison.OrdinalIgnoreCase)
            || string.Equals(form, InputText(workflowEvent, "FormId"), StringComparison.Ordinal);
    }
}

/// <summary>Orchard's SignalEvent: resumes when the signal <c>SignalName</c> arrives for this instance (by signed URL).</summary>
public sealed class SignalEvent : EventActivity
{
    public const string Event = "Signal";
    public override string Name => "SignalEvent";
    protected override string EventName => Event;

    public override IEnumerable<(string Property, string Message)> Validate(System.Text.Json.Nodes.JsonObject properties) => ActivityProperties.Required(properties, "SignalName");

    protected override bool Filter(ActivityContext context, WorkflowEvent workflowEvent)
    {
        ArgumentNullException.ThrowIfNull(context);
        return string.Equals(ActivityProperties.Expression(context.Properties, "SignalName"), InputText(workflowEvent, "Signal"), StringComparison.Ordinal)
            && (workflowEvent.CorrelationId is null || workflowEvent.CorrelationId == context.State.WorkflowId || workflowEvent.CorrelationId == context.State.CorrelationId);
    }
}
