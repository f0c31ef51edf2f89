using System.Text.Json.Nodes;
using MedTour.Cms.Modules.Workflows.Engine;
using MedTour.Cms.Modules.Workflows.Runtime;

namespace MedTour.Cms.Modules.Workflows.Activities;

/// <summary>
/// Orchard's HttpRequestTask as a webhook: <c>Url</c> (Liquid, absolute http/https), <c>HttpMethod</c> (default POST),
/// <c>Body</c> (Liquid) and <c>ContentType</c>. The call is an effect saved with the checkpoint and made by the host,
/// with retries and back-off, and never to a private or local address unless configured (<see cref="Host.WebhookGuard"/>).
/// So the outcome is <c>Done</c> once the call is queued, not the answer's status code as in Orchard.
/// </summary>
public sealed class HttpRequestTask : IActivity
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public string Name => "HttpRequestTask";
    public ActivityKind Kind => ActivityKind.Task;
    public IReadOnlyList<string> Outcomes(JsonObject properties) => ["Done"];

    public IEnumerable<(string Property, string Message)> Validate(JsonObject properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var problems = ActivityProperties.Required(properties, "Url").ToList();
        if (ActivityProperties.Expression(properties, "HttpMethod") is { } method && !Methods.Contains(method.ToUpperInvariant()))
        {
            problems.Add(("HttpMethod", $"'{method}' is not one of {string.Join(", ", Methods)}."));
        }

        return problems;
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var url = (await context.Expressions.RenderLiquidAsync(ActivityProperties.Expression(context.Properties, "Url")!, context)).Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return ActivityResult.Fault("Url did not give an absolute http or https address.");
        }

        var body = ActivityProperties.Expression(context.Properties, "Body") is { } b ? await context.Expressions.RenderLiquidAsync(b, context) : null;
        context.Effects.Add(new WorkflowEffect(WorkflowEffectKinds.Http, context.EffectKey("http"), new JsonObject
        {
            ["Url"] = uri.ToString(),
            ["Method"] = (ActivityProperties.Expression(context.Properties, "HttpMethod") ?? "POST").ToUpperInvariant(),
            ["Body"] = body,
            ["ContentType"] = ActivityProperties.Expression(context.Properties, "ContentType") ?? "application/json",
        }));
        return ActivityResult.Done;
    }
}
