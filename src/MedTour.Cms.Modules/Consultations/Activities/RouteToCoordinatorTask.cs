using System.Text.Json.Nodes;
using MedTour.Cms.Modules.Consultations.Routing;
using MedTour.Cms.Modules.Workflows.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Consultations.Activities;

/// <summary>
/// Assigns the submission by the tenant's ladder and records the rule that matched. Outcomes: <c>Assigned</c> (a
/// coordinator), <c>Inbox</c> (the regional inbox's catch-all rung), <c>Unrouted</c> (no rung matched: no inbox set).
/// Run again after a crash before its checkpoint, it replays the decision it recorded (the assigner keys it by step).
/// </summary>
public sealed class RouteToCoordinatorTask : ConsultationActivity
{
    public override string Name => "RouteToCoordinatorTask";

    public override IReadOnlyList<string> Outcomes(JsonObject properties) => ["Assigned", "Inbox", "Unrouted"];

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await SubmissionAsync(context) is not { } submission)
        {
            return ActivityResult.Fault("the submission of this workflow does not exist (purged or erased?).");
        }

        var decision = await context.Services.GetRequiredService<ConsultationAssigner>().AssignAsync(submission, context.EffectKey("assign"));
        if (decision is not null)
        {
            Remember(context, submission, decision);
        }

        return Outcome(decision);
    }
}
