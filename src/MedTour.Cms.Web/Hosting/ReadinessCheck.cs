using MedTour.Cms.Modules.Setup;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedTour.Cms.Web.Hosting;

/// <summary>Ready once first-run setup has finished; unhealthy (with the reason) if it failed.</summary>
public sealed class ReadinessCheck(SetupStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.Completion switch
        {
            { IsCompletedSuccessfully: true } => HealthCheckResult.Healthy("Sites are set up."),
            { IsFaulted: true } task => HealthCheckResult.Unhealthy("Setup failed: " + task.Exception!.InnerException!.Message),
            _ => HealthCheckResult.Unhealthy("Sites are being set up."),
        });
}
