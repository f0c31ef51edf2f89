using System.Text.Json.Nodes;
using MedTour.Cms.Modules.Consultations.Routing;
using MedTour.Cms.Modules.Workflows.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Consultations.Activities;

/// <summary>
/// After the second deadline: routes the submission again, never to a coordinator who already let it pass (they are
/// kept in the instance's <c>Excluded</c> list), and records a <c>reassigned</c> history row with the rule. Outcomes as
/// <see cref="RouteToCoordinatorTask"/>; a request already taken meanwhile is left alone (<c>Acknowledged</c>).
/// </summary>
public sealed class ReassignCoordinatorTask : ConsultationActivity
{
    public override string Name => "ReassignCoordinatorTask";

    public override IReadOnlyList<string> Outcomes(JsonObject properties) => ["Assigned", "Inbox", "Unrouted", "Acknowledged"];

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await SubmissionAsync(context) is not { } submission)
        {
            return ActivityResult.Fault("the submission of this workflow does not exist (purged or erased?).");
        }

        if (IfAcknowledgedTask.IsTaken(submission))
        {
            return ActivityResult.Outcome("Acknowledged");
        }

        var excluded = context.State.Properties[Excluded] as JsonArray ?? [];
        if (submission.CoordinatorId is { } current && !excluded.Any(n => n?.GetValue<string>() == current))
        {
            excluded.Add(current);
        }

        context.State.Properties[Excluded] = excluded;
        var names = excluded.Select(n => n?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var decision = await context.Services.GetRequiredService<ConsultationAssigner>().AssignAsync(submission, context.EffectKey("assign"), names);
        if (decision is not null)
        {
            Remember(context, submission, decision);
        }

        return Outcome(decision);
    }
}
