namespace MedTour.Cms.Modules.Workflows.Runtime;

/// <summary>The kinds of <see cref="Engine.WorkflowEffect"/> the checkpoint knows: mail goes to the mail outbox, the others to <c>WorkflowEffects</c>.</summary>
public static class WorkflowEffectKinds
{
    /// <summary>Payload: To, Subject, Html, Text (the rendered mail; stored encrypted by the outbox).</summary>
    public const string Mail = "Mail";

    /// <summary>Payload: Url, Method, Body, ContentType, Headers (a webhook, called by the host with retries).</summary>
    public const string Http = "Http";

    /// <summary>Payload: Reference, Text (a note in the request's history, shown in the inbox).</summary>
    public const string Note = "Note";
}
