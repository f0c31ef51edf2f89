using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Setup;

/// <summary>
/// At start-up, in the background (Kestrel already answers, with 503 for sites not ready): runs
/// <see cref="SiteSetup"/>, then says where the site is.
/// </summary>
public sealed class FirstRunSetup(
    TenantRegistry registry,
    SiteSetup setup,
    SetupStatus status,
    IOptions<CmsOptions> options,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<FirstRunSetup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (options.Value.AutoSetup)
            {
                await setup.RunAsync(stoppingToken);
            }

            status.Succeeded();
            await AnnounceAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            status.Failed(new OperationCanceledException("The host stopped during setup."));
        }
        catch (Exception e)
        {
            logger.LogCritical(e, "First-run setup failed: {Message}", e.Message);
            status.Failed(e);
        }
    }

    private async Task AnnounceAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        var regions = registry.All.Where(t => !t.IsDefault).OrderBy(t => t.CreatedUtc).Select(t => $"{address}/{t.RequestUrlPrefix}");
        logger.LogInformation("MedTour.Cms is ready at {Address} (regions: {Regions}); the administrator signs in at {SignIn}", address, string.Join(", ", regions), address + "/login");
    }
}
