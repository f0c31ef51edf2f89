using MedTour.Cms.Display;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Site;

/// <summary>Refuses over-long query strings with a themed 400 before any work is done.</summary>
public sealed class RequestGuardMiddleware(RequestDelegate next)
{
    public const int MaxQueryLength = 1024;

    public async Task InvokeAsync(HttpContext context, CurrentTenant tenant)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tenant);
        // GraphQL GETs carry whole documents in the query; the GraphQL endpoint applies its own size limits.
        if (tenant.IsSet && context.Request.QueryString.Value is { Length: > MaxQueryLength } && !context.Request.Path.StartsWithSegments("/api/graphql"))
        {
            var message = $"The address is too long: its query has more than {MaxQueryLength} characters.";
            // API clients read JSON errors (as the APIs' own 400s are); people get the themed page. The renderer is
            // resolved only here: every other request (cached pages included) skips building it.
            var result = context.Request.Path.StartsWithSegments("/api")
                ? Results.Json(new { error = message, field = "query" }, statusCode: StatusCodes.Status400BadRequest)
                : await ProblemPage.RenderAsync(context, context.RequestServices.GetRequiredService<PageRenderer>(), StatusCodes.Status400BadRequest, message);
            await result.ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
