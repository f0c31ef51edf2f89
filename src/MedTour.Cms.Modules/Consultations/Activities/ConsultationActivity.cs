using System.Text.Json.Nodes;
using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Modules.Consultations.Routing;
using MedTour.Cms.Modules.Email;
using MedTour.Cms.Modules.Workflows.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Consultations.Activities;

/// <summary>
/// What the consultation activities share: the submission the instance is about (the FormSubmitted input's
/// <c>SubmissionId</c>, else its reference, the instance's correlation id) and the assignment they hand to each other in
/// the instance's properties (<c>CoordinatorId</c>, <c>CoordinatorEmail</c>, <c>Rule</c>, <c>Reference</c>, <c>Excluded</c>).
/// Nothing of the patient's answers is ever put in the instance. Mails are effects (<c>Mail</c>: To, Subject, Html, Text)
/// that the workflow's checkpoint puts in the outbox with the instance's state; assignments and alerts are saved by the
/// assigner under the step's key, so a step run again after a crash repeats nothing.
/// </summary>
public abstract class ConsultationActivity : IActivity
{
    public const string CoordinatorId = "CoordinatorId";
    public const string CoordinatorEmail = "CoordinatorEmail";
    public const string Rule = "Rule";
    public const string Reference = "Reference";
    public const string Excluded = "Excluded";

    /// <summary>The effect kind the workflow checkpoint writes to the mail outbox.</summary>
    public const string MailEffect = "Mail";

    public abstract string Name { get; }

    public virtual ActivityKind Kind => ActivityKind.Task;

    public abstract IReadOnlyList<string> Outcomes(JsonObject properties);

    public virtual IEnumerable<(string Property, string Message)> Validate(JsonObject properties) => [];

    public abstract Task<ActivityResult> ExecuteAsync(ActivityContext context);

    protected static async Task<SubmissionRecord?> SubmissionAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.State.Input;
        long? id = input["SubmissionId"] is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;
        var reference = Text(input["Reference"]) ?? context.State.CorrelationId;
        return await context.Services.GetRequiredService<ConsultationAssigner>().FindAsync(id, reference);
    }

    protected static string? Property(ActivityContext context, string name) => Text(context.State.Properties[name]);

    /// <summary>Keeps the decision in the instance for the activities after this one.</summary>
    protected static void Remember(ActivityContext context, SubmissionRecord submission, RoutingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(decision);
        var properties = context.State.Properties;
        properties[CoordinatorId] = decision.CoordinatorId;
        properties[CoordinatorEmail] = decision.Email;
        properties[Rule] = decision.Rule;
        properties[Reference] = submission.Reference;
    }

    /// <summary>Asks the checkpoint to put this mail in the outbox, once for this step and recipient.</summary>
    protected static void Mail(ActivityContext context, string discriminator, string to, RenderedMail mail)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(mail);
        context.Effects.Add(new WorkflowEffect(MailEffect, context.EffectKey(discriminator), new JsonObject
        {
            ["To"] = to,
            ["Subject"] = mail.Subject,
            ["Html"] = mail.Html,
            ["Text"] = mail.Text,
        }));
    }

    protected static ActivityResult Outcome(RoutingDecision? decision) =>
        ActivityResult.Outcome(decision is null ? "Unrouted" : decision.CoordinatorId is null ? "Inbox" : "Assigned");

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
