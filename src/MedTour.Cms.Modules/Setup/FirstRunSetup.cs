using MedTour.Cms.Modules.Users;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Setup;

/// <summary>
/// At start-up, in the background (Kestrel already answers, with 503 for sites not ready): creates the
/// Default tenant if there is none, sets up every tenant not yet running (resuming a setup a crash
/// interrupted), makes sure there is an administrator, and says where the site is.
/// </summary>
public sealed class FirstRunSetup(
    TenantRegistry registry,
    TenantManager tenants,
    AdministratorBootstrap administrator,
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
                await SetupTenantsAsync(stoppingToken);
                await administrator.EnsureAsync(stoppingToken);
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

    private async Task SetupTenantsAsync(CancellationToken cancellationToken)
    {
        if (registry.Find(TenantSettings.DefaultName) is null)
        {
            tenants.Create(new TenantSettings
            {
                Name = TenantSettings.DefaultName,
                DisplayName = "MedTour",
                Cultures = ["en"],
                RecipeName = options.Value.DefaultRecipe,
            });
        }

        await tenants.SetupAsync(TenantSettings.DefaultName, cancellationToken);
        foreach (var tenant in registry.All.Where(t => t.State is TenantState.Uninitialized or TenantState.Initializing))
        {
            await tenants.SetupAsync(tenant.Name, cancellationToken);
        }
    }

    private async Task AnnounceAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        var regions = registry.All.Where(t => !t.IsDefault).OrderBy(t => t.CreatedUtc).Select(t => $"{address}/{t.RequestUrlPrefix}");
        logger.LogInformation("MedTour.Cms is ready at {Address} (regions: {Regions})", address, string.Join(", ", regions));
    }
}
