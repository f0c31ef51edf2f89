using System.Text.Json.Nodes;

namespace MedTour.Cms.Modules.Workflows.Engine;

/// <summary>
/// A side effect an activity asks for (a mail to send, a webhook to call), saved in the same transaction as the
/// instance's state after that activity. <see cref="Key"/> (instance, activity, recipient) makes it happen once:
/// an activity run again after a crash produces the same key, which the store ignores.
/// </summary>
public sealed record WorkflowEffect(string Kind, string Key, JsonObject Payload);
