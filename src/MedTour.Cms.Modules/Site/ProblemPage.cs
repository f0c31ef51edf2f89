using MedTour.Cms.Display;
using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MedTour.Cms.Modules.Site;

/// <summary>Themed pages for requests that go wrong: a 400/404 naming the problem, and a friendly 500.</summary>
public static class ProblemPage
{
    public static Task<IResult> RenderAsync(HttpContext http, PageRenderer renderer, int statusCode, string message)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        var view = statusCode == StatusCodes.Status404NotFound ? "NotFound" : "Problem";
        return renderer.RenderAsync(http, new PageModel([view], new Dictionary<string, object?>
        {
            ["Status"] = statusCode,
            ["Message"] = message,
            ["Path"] = http.Request.Path.Value,
        })
        { Title = statusCode == StatusCodes.Status404NotFound ? "Page not found" : "This request cannot be answered", NoIndex = true }, statusCode);
    }

    /// <summary>Turns <see cref="PageProblemException"/> from a page into its themed page.</summary>
    public static async Task CatchProblemsAsync(HttpContext http, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next();
        }
        catch (PageProblemException problem) when (!http.Response.HasStarted)
        {
            var result = await RenderAsync(http, http.RequestServices.GetRequiredService<PageRenderer>(), problem.StatusCode, problem.Message);
            await result.ExecuteAsync(http);
        }
    }

    /// <summary>The exception handler: the theme's Error view when the tenant is known, plain text otherwise.</summary>
    public static async Task HandleErrorAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("MedTour.Cms.Errors").LogError(error, "Unhandled error on {Path}", http.Request.Path);
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        if (http.RequestServices.GetRequiredService<CurrentTenant>().IsSet)
        {
            try
            {
                var result = await http.RequestServices.GetRequiredService<PageRenderer>().RenderAsync(http,
                    new PageModel(["Error"], new Dictionary<string, object?>()) { Title = "Something went wrong", NoIndex = true }, StatusCodes.Status500InternalServerError);
                await result.ExecuteAsync(http);
                return;
            }
            catch (Exception rendering) when (rendering is not OperationCanceledException)
            {
                // The theme itself may be what failed; fall back to plain text.
            }
        }

        await http.Response.WriteAsync("Something went wrong on our side. Please try again later.");
    }
}
