using System.Text.Json.Nodes;
using MedTour.Cms.Modules.Email;
using MedTour.Cms.Modules.Workflows.Engine;
using MedTour.Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Consultations.Activities;

/// <summary>
/// Mails the assigned coordinator (or the regional inbox) through the outbox that a request is waiting: its reference, a
/// link to it in the inbox and, for a coordinator, the signed "I'll take it" link. No answer of the patient is in it.
/// The mail is keyed by instance, activity and step, so the same step never mails twice; in the site's first culture.
/// </summary>
public sealed class NotifyCoordinatorTask : ConsultationActivity
{
    public const string Template = "CoordinatorAssigned";

    public override string Name => "NotifyCoordinatorTask";

    public override IReadOnlyList<string> Outcomes(JsonObject properties) => ["Done", "Skipped"];

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Property(context, CoordinatorEmail) is not { } to || Property(context, Reference) is not { } reference)
        {
            return ActivityResult.Outcome("Skipped");
        }

        var services = context.Services;
        var links = services.GetRequiredService<ConsultationLinks>();
        var tenant = services.GetRequiredService<CurrentTenant>().Settings;
        var coordinator = Property(context, CoordinatorId);
        var mail = await services.GetRequiredService<MailTemplates>().RenderAsync(Template, tenant.DefaultCulture, new Dictionary<string, object?>
        {
            ["Reference"] = reference,
            ["Site"] = tenant.DisplayName ?? tenant.Name,
            ["RequestUrl"] = links.Request(reference),
            ["InboxUrl"] = links.Inbox(),
            ["TakeUrl"] = coordinator is null ? null : links.Take(reference, coordinator),
        });
        Mail(context, "coordinator", to, mail);
        return ActivityResult.Done;
    }
}
