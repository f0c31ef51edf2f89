using System.Text.Json.Nodes;
using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Modules.Workflows.Engine;

namespace MedTour.Cms.Modules.Consultations.Activities;

/// <summary>
/// Whether the coordinator took the request (the "I'll take it" link, opening it in the inbox) or moved it on from
/// <c>new</c> (contacted, closed, spam…): outcomes <c>True</c> and <c>False</c>. Read from the submission at the deadline,
/// so no signal has to reach the instance when a coordinator acts.
/// </summary>
public sealed class IfAcknowledgedTask : ConsultationActivity
{
    public override string Name => "IfAcknowledgedTask";

    public override IReadOnlyList<string> Outcomes(JsonObject properties) => ["True", "False"];

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var submission = await SubmissionAsync(context);
        return ActivityResult.Outcome(submission is null || IsTaken(submission) ? "True" : "False");
    }

    public static bool IsTaken(SubmissionRecord submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return submission.AcknowledgedUtc is not null || !string.Equals(submission.Status, "new", StringComparison.OrdinalIgnoreCase);
    }
}
