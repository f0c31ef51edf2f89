using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MedTour.Cms.Modules.Security;

/// <summary>
/// <c>X-Content-Type-Options: nosniff</c> on every response, and a Content-Security-Policy on pages (HTML) and SVG
/// files. Set when the response starts, so error pages (re-executed after the headers were cleared) get them too.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityHeadersOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            var (response, policies) = ((HttpResponse, SecurityHeadersOptions))state;
            response.Headers.XContentTypeOptions = "nosniff";
            var policy = response.ContentType switch
            {
                { } type when type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) => policies.PagePolicy,
                { } type when type.StartsWith("image/svg+xml", StringComparison.OrdinalIgnoreCase) => policies.SvgPolicy,
                _ => null,
            };
            if (policy is not null && !response.Headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
            {
                response.Headers.ContentSecurityPolicy = policy;
            }

            return Task.CompletedTask;
        }, (context.Response, options.Value));
        return next(context);
    }
}
