using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MedTour.Cms.Modules.Email;
using MedTour.Cms.Modules.Workflows.Engine;
using MedTour.Cms.Modules.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Workflows.Activities;

/// <summary>
/// Sends a mail through the outbox, once per (instance, activity execution, recipient): <c>To</c> (Orchard's
/// <c>Recipients</c> too; Liquid, addresses separated by commas or semicolons), and either <c>Template</c> (a mail template
/// of the Email module, in <c>Culture</c>, with the workflow's input and properties as its model) or <c>Subject</c> and
/// <c>Body</c> (Liquid; HTML) with an optional <c>BodyText</c>. The From is always the site's (the sender sets it):
/// Orchard's <c>From</c>/<c>Sender</c> are ignored, so a visitor's address can never be the From.
/// </summary>
public partial class SendEmailTask : IActivity
{
    public virtual string Name => "SendEmailTask";
    public ActivityKind Kind => ActivityKind.Task;
    public IReadOnlyList<string> Outcomes(JsonObject properties) => ["Done"];

    public IEnumerable<(string Property, string Message)> Validate(JsonObject properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        if (To(properties) is null)
        {
            yield return ("To", "is required.");
        }

        if (ActivityProperties.Expression(properties, "Template") is null)
        {
            foreach (var problem in ActivityProperties.Required(properties, "Subject").Concat(ActivityProperties.Required(properties, "Body")))
            {
                yield return problem;
            }
        }
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var to = await context.Expressions.RenderLiquidAsync(To(context.Properties)!, context);
        var recipients = to.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (recipients.Count == 0 || recipients.FirstOrDefault(r => !MimeKit.MailboxAddress.TryParse(r, out _)) is { } bad)
        {
            return ActivityResult.Fault(recipients.Count == 0 ? "To gave no address." : "To gave an invalid address.");
        }

        var mail = await RenderAsync(context);
        foreach (var recipient in recipients)
        {
            context.Effects.Add(new WorkflowEffect(WorkflowEffectKinds.Mail, context.EffectKey("mail"), new JsonObject
            {
                ["To"] = recipient,
                ["Subject"] = mail.Subject,
                ["Html"] = mail.Html,
                ["Text"] = mail.Text,
            }));
        }

        return ActivityResult.Done;
    }

    private static async Task<RenderedMail> RenderAsync(ActivityContext context)
    {
        if (ActivityProperties.Expression(context.Properties, "Template") is { } template)
        {
            var culture = ActivityProperties.Expression(context.Properties, "Culture") is { } c ? await context.Expressions.RenderLiquidAsync(c, context) : "en";
            var model = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (name, value) in context.State.Input.Concat(context.State.Properties))
            {
                model[name] = value?.ToString();
            }

            return await context.Services.GetRequiredService<MailTemplates>().RenderAsync(template, culture, model);
        }

        var subject = await context.Expressions.RenderLiquidAsync(ActivityProperties.Expression(context.Properties, "Subject")!, context);
        var html = await context.Expressions.RenderLiquidAsync(ActivityProperties.Expression(context.Properties, "Body")!, context);
        var text = ActivityProperties.Expression(context.Properties, "BodyText") is { } t
            ? await context.Expressions.RenderLiquidAsync(t, context)
            : System.Net.WebUtility.HtmlDecode(Tags().Replace(html, string.Empty));
        return new RenderedMail(subject.ReplaceLineEndings(" ").Trim(), html, text);
    }

    private static string? To(JsonObject properties) =>
        ActivityProperties.Expression(properties, "To") ?? ActivityProperties.Expression(properties, "Recipients");

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}

/// <summary>Orchard's name for the same activity, so recipes written for Orchard import unchanged.</summary>
public sealed class EmailTask : SendEmailTask
{
    public override string Name => "EmailTask";
}
