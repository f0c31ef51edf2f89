using MedTour.Cms.Modules.Setup;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedTour.Cms.Web.Hosting;

/// <summary>
/// Ready once first-run setup has finished; unhealthy if it failed. The reason stays in the log (first-run setup
/// logs the exception): its text may name files, hosts or settings that a public probe must not see.
/// </summary>
public sealed class ReadinessCheck(SetupStatus status, Tenancy.TenantSetupFailures failures) : IHealthCheck
{
    public const string SetupFailed = "Setup failed; the reason is in the host's log.";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.Completion switch
        {
            // The other sites run; which one failed is said here, why only in the log.
            { IsCompletedSuccessfully: true } when failures.Names is { Count: > 0 } failed =>
                HealthCheckResult.Unhealthy($"Setup failed for {string.Join(", ", failed)}; the details are in the log."),
            { IsCompletedSuccessfully: true } => HealthCheckResult.Healthy("Sites are set up."),
            { IsFaulted: true } => HealthCheckResult.Unhealthy(SetupFailed),
            _ => HealthCheckResult.Unhealthy("Sites are being set up."),
        });
}
