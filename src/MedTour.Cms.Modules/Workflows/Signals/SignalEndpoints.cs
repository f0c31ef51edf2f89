using System.Net;
using MedTour.Cms.Modules.Workflows.Runtime;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MedTour.Cms.Modules.Workflows.Signals;

/// <summary>
/// <c>GET /workflows/signal?t=…</c> shows a one-button page (mail scanners that open links send nothing); its POST, with
/// antiforgery, sends the signal the token names to the instances correlated with it. A forged, expired or other
/// tenant's token is a 400 that changes nothing.
/// </summary>
public static class SignalEndpoints
{
    public static IEndpointRouteBuilder MapWorkflowSignals(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/workflows").WithTags("Workflows");
        group.MapGet("/signal", Show).WithName("WorkflowSignal");
        group.MapPost("/signal", SendAsync).WithName("WorkflowSignalPost").DisableAntiforgery();
        return endpoints;
    }

    private static IResult Show(string? t, HttpContext http, SignalLinks links, IAntiforgery antiforgery)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (links.Read(t) is null)
        {
            return Page(StatusCodes.Status400BadRequest, "This link is invalid or has expired.");
        }

        var tokens = antiforgery.GetAndStoreTokens(http);
        return Page(StatusCodes.Status200OK, $"""
            <form method="post" action="{WebUtility.HtmlEncode(http.Request.PathBase + http.Request.Path)}">
            <input type="hidden" name="t" value="{WebUtility.HtmlEncode(t)}">
            <input type="hidden" name="{WebUtility.HtmlEncode(tokens.FormFieldName)}" value="{WebUtility.HtmlEncode(tokens.RequestToken)}">
            <button type="submit">Confirm</button>
            </form>
            """, raw: true);
    }

    private static async Task<IResult> SendAsync(HttpContext http, SignalLinks links, IAntiforgery antiforgery, WorkflowRuntime runtime)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Page(StatusCodes.Status400BadRequest, "The form has expired: open the link again.");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (links.Read(form["t"]) is not { } signal)
        {
            return Page(StatusCodes.Status400BadRequest, "This link is invalid or has expired.");
        }

        var result = await runtime.SignalAsync(signal.CorrelationId, signal.Signal, cancellationToken: http.RequestAborted);
        return result.Resumed.Count > 0 || result.Started.Count > 0
            ? Page(StatusCodes.Status200OK, "Done. Thank you.")
            : result.Busy.Count > 0
                ? Page(StatusCodes.Status409Conflict, "This request is being processed: try again in a moment.")
                : Page(StatusCodes.Status200OK, "Nothing was waiting for this link any more.");
    }

    private static IResult Page(int status, string body, bool raw = false) => Results.Content(
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>MedTour</title><meta name=\"robots\" content=\"noindex\"></head><body><main>{(raw ? body : "<p>" + WebUtility.HtmlEncode(body) + "</p>")}</main></body></html>",
        "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
