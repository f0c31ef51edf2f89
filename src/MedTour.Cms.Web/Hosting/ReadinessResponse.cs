using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedTour.Cms.Web.Hosting;

/// <summary>
/// The body of <c>/health/ready</c>: <c>Healthy</c>, or the status and the checks' own (generic) descriptions, so an
/// operator sees why the host is not ready without the probe revealing an exception.
/// </summary>
public static class ReadinessResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "text/plain; charset=utf-8";
        var reasons = report.Entries.Values.Where(e => e.Status != HealthStatus.Healthy).Select(e => e.Description).OfType<string>().ToList();
        return context.Response.WriteAsync(reasons.Count == 0 ? report.Status.ToString() : $"{report.Status}: {string.Join(" ", reasons)}");
    }
}
