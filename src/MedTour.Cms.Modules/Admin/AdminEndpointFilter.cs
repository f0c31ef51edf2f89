using MedTour.Cms.Modules.Admin.Shell;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Admin;

/// <summary>
/// What every admin endpoint gets: never stored by any cache, never indexed, antiforgery checked on every
/// non-GET request (an expired form is a 400 page, nothing changes), then the <see cref="IAdminGate"/>s.
/// </summary>
internal sealed class AdminEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        var method = http.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method)
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return AdminResults.Page<ExpiredFormPage>(statusCode: StatusCodes.Status400BadRequest);
        }

        foreach (var gate in http.RequestServices.GetServices<IAdminGate>())
        {
            if (await gate.CheckAsync(http) is { } answer)
            {
                return answer;
            }
        }

        return await next(context);
    }
}
