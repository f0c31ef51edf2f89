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
            // The renderer is resolved only here: every other request (cached pages included) skips building it.
            var renderer = context.RequestServices.GetRequiredService<PageRenderer>();
            var result = await ProblemPage.RenderAsync(context, renderer, StatusCodes.Status400BadRequest, $"The address is too long: its query has more than {MaxQueryLength} characters.");
            await result.ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
