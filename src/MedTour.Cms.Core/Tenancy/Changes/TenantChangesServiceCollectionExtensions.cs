using MedTour.Cms.Data;
using MedTour.Cms.Data.ChangeStamps;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedTour.Cms.Tenancy.Changes;

public static class TenantChangesServiceCollectionExtensions
{
    /// <summary>Change stamps, tenant generations, host leases and the watchers that bring other processes' changes in (ADR 0011).</summary>
    public static IServiceCollection AddTenantChanges(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SyncOptions>().Bind(configuration.GetSection("MedTour:Sync"));
        services.TryAddSingleton<TenantGenerations>();
        services.AddSingleton<ITenantObserver>(sp => sp.GetRequiredService<TenantGenerations>());
        services.TryAddSingleton<ChangeStampInterceptor>();
        services.TryAddSingleton<AfterCommit>();
        services.TryAddSingleton<TenantObservers>();
        services.TryAddSingleton<TenantActivity>();
        services.TryAddSingleton<HostLeases>();
        services.AddHostedService<TenantChangeWatcher>();
        services.AddHostedService<PostgresChangeListener>();
        return services;
    }
}
