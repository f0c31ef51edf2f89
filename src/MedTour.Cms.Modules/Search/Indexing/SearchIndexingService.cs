using MedTour.Cms.Modules.Search.Lucene;
using MedTour.Cms.Tenancy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Search.Indexing;

/// <summary>
/// This host's index consumer: at start every running tenant's indexes are opened (a damaged one is rebuilt), then
/// tasks are applied as soon as this host commits a change, and every <see cref="SearchOptions.PollInterval"/> for
/// changes made by other hosts. Singleton.
/// </summary>
public sealed partial class SearchIndexingService(
    TenantRegistry registry,
    SearchIndexer indexer,
    IndexingTaskPruner pruner,
    SearchIndexStore store,
    IndexingSignal signal,
    IOptions<SearchOptions> options,
    TimeProvider clock,
    ILogger<SearchIndexingService> logger) : BackgroundService
{
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var all = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyCollection<string> tenants = all ? [.. registry.All.Select(t => t.Name)] : await WaitAsync(stoppingToken);
            all = tenants.Count == 0;
            if (all)
            {
                tenants = [.. registry.All.Select(t => t.Name)];
            }

            foreach (var name in tenants)
            {
                await UpdateAsync(name, stoppingToken);
            }

            if (clock.GetUtcNow() >= _nextPrune)
            {
                // After a round over every tenant, so each index has opened and says how far it is.
                _nextPrune = clock.GetUtcNow() + options.Value.PruneInterval;
                foreach (var name in registry.All.Select(t => t.Name))
                {
                    await PruneAsync(name, stoppingToken);
                }
            }
        }
    }

    /// <summary>Stops the loop, then cancels and awaits running rebuilds, so nothing writes index files after the host stopped.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await indexer.StopAsync(cancellationToken);
    }

    private async Task<IReadOnlyCollection<string>> WaitAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await signal.WaitForTenantsAsync(options.Value.PollInterval, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return [];
        }
    }

    private async Task UpdateAsync(string name, CancellationToken stoppingToken)
    {
        if (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        try
        {
            if (registry.Find(name) is not { State: TenantState.Running } tenant || !tenant.IsFeatureEnabled("Contents"))
            {
                store.Close(name);
                return;
            }

            await indexer.UpdateAsync(tenant, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the cursor in the last commit says where to start again.
        }
        catch (Exception e)
        {
            // Never out of the loop: an unhandled exception in a BackgroundService stops the whole host.
            LogFailed(e, name);
        }
    }

    private async Task PruneAsync(string name, CancellationToken stoppingToken)
    {
        try
        {
            if (!stoppingToken.IsCancellationRequested && registry.Find(name) is { State: TenantState.Running } tenant && tenant.IsFeatureEnabled("Contents"))
            {
                await pruner.PruneAsync(tenant, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogPruneFailed(e, name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {Tenant}: pruning applied indexing tasks failed; it is tried again later")]
    private partial void LogPruneFailed(Exception exception, string tenant);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {Tenant}: updating the search index failed; it is tried again on the next round")]
    private partial void LogFailed(Exception exception, string tenant);
}
