using MedTour.Cms.Content;
using MedTour.Cms.Data;
using MedTour.Cms.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.PublishLater;

/// <summary>
/// Publishes drafts whose PublishLaterPart date has come: every <see cref="PublishLaterOptions.Interval"/>, one indexed
/// query per running tenant (due drafts in the field index), then each due item cleared of its date and published in
/// its own transaction, so one failing item is logged and the others still go out. Singleton.
/// </summary>
public sealed partial class ScheduledPublishingService(
    TenantRegistry registry,
    TenantScopeFactory scopes,
    IOptions<PublishLaterOptions> options,
    TimeProvider clock,
    ILogger<ScheduledPublishingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await PublishDueAsync(stoppingToken);
        }
    }

    /// <summary>One check of every running tenant; returns how many items were published.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken = default)
    {
        var published = 0;
        foreach (var name in registry.All.Select(t => t.Name))
        {
            // Read again for each tenant: one disabled or removed while others were checked is left alone.
            if (registry.Find(name) is not { State: TenantState.Running } tenant || !tenant.IsFeatureEnabled("Contents"))
            {
                continue;
            }

            try
            {
                published += await PublishDueAsync(tenant, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogTenantFailed(e, tenant.Name);
            }
        }

        return published;
    }

    private async Task<int> PublishDueAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateScope(tenant);
        var services = scope.ServiceProvider;
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await services.GetRequiredService<CmsDbContext>().FieldIndex
            .Where(f => f.PartName == PublishLaterPartHandler.Part && f.FieldName == PublishLaterPartHandler.ScheduledPublishUtc
                && f.Latest && !f.Published && f.Date <= now)
            .Select(f => f.ContentItemId).Distinct().OrderBy(id => id).Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        var content = services.GetRequiredService<ContentManager>();
        var unitOfWork = services.GetRequiredService<UnitOfWork>();
        var published = 0;
        foreach (var id in due)
        {
            try
            {
                if (await content.GetAsync(id, VersionOptions.Draft) is not { } draft)
                {
                    continue;
                }

                draft.Part(PublishLaterPartHandler.Part)[PublishLaterPartHandler.ScheduledPublishUtc] = null;
                await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
                await content.UpdateAsync(draft);
                await content.PublishAsync(draft);
                await transaction.CommitAsync(cancellationToken);
                published++;
                LogPublished(tenant.Name, id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogItemFailed(e, tenant.Name, id);
            }
        }

        return published;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant}: scheduled item {ContentItemId} published")]
    private partial void LogPublished(string tenant, string contentItemId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {Tenant}: scheduled item {ContentItemId} could not be published")]
    private partial void LogItemFailed(Exception exception, string tenant, string contentItemId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {Tenant}: checking for scheduled items failed")]
    private partial void LogTenantFailed(Exception exception, string tenant);
}
