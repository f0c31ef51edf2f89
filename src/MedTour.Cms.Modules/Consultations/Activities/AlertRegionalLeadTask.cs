using System.Text.Json.Nodes;
using MedTour.Cms.Modules.Consultations.Routing;
using MedTour.Cms.Modules.Email;
using MedTour.Cms.Modules.Workflows.Engine;
using MedTour.Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Consultations.Activities;

/// <summary>
/// The SLA passed: mails the regional lead (the routing settings' lead address, else the regional inbox) that the request
/// is waiting and who has it, and records an <c>alert</c> history row. No answer of the patient is in the mail.
/// </summary>
public sealed class AlertRegionalLeadTask : ConsultationActivity
{
    public const string Template = "SlaAlert";

    public override string Name => "AlertRegionalLeadTask";

    public override IReadOnlyList<string> Outcomes(JsonObject properties) => ["Done", "NoLead"];

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.Services;
        var settings = await services.GetRequiredService<RoutingSettingsStore>().GetAsync();
        if (await SubmissionAsync(context) is not { } submission)
        {
            return ActivityResult.Fault("the submission of this workflow does not exist (purged or erased?).");
        }

        await services.GetRequiredService<ConsultationAssigner>().RecordAlertAsync(submission, context.EffectKey("alert"));
        if (settings.LeadEmail is not { } lead)
        {
            return ActivityResult.Outcome("NoLead");
        }

        var tenant = services.GetRequiredService<CurrentTenant>().Settings;
        var mail = await services.GetRequiredService<MailTemplates>().RenderAsync(Template, tenant.DefaultCulture, new Dictionary<string, object?>
        {
            ["Reference"] = submission.Reference,
            ["Site"] = tenant.DisplayName ?? tenant.Name,
            ["Coordinator"] = Property(context, CoordinatorEmail),
            ["SlaHours"] = settings.SlaHours,
            ["RequestUrl"] = services.GetRequiredService<ConsultationLinks>().Request(submission.Reference),
        });
        Mail(context, "lead", lead, mail);
        return ActivityResult.Done;
    }
}
