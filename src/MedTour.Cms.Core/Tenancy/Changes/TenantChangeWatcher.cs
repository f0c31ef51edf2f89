using MedTour.Cms.Data;
using MedTour.Cms.Data.ChangeStamps;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Tenancy.Changes;

/// <summary>
/// The running host's ear for other processes (ADR 0011): every <see cref="SyncOptions.PollInterval"/> it re-reads
/// <c>tenants.json</c> if it changed and reads the change stamp of each SQLite tenant it caches (PostgreSQL
/// tenants are pushed by <see cref="PostgresChangeListener"/>); a changed tenant is reported to every
/// <see cref="ITenantObserver"/>, which drops its caches. It also renews this host's lease. Runs in the web host
/// only (the CLI starts no hosted services).
/// </summary>
public sealed class TenantChangeWatcher(
    TenantRegistry registry,
    TenantGenerations generations,
    TenantDbContextFactory databases,
    TenantObservers observers,
    TenantActivity activity,
    HostLeases leases,
    IServiceProvider services,
    IOptions<SyncOptions> options,
    TimeProvider clock,
    ILogger<TenantChangeWatcher> logger) : BackgroundService
{
    // Last stamp seen per SQLite tenant; a tenant seen for the first time counts as changed once, because its
    // caches may have been filled before its stamp was first read.
    private readonly Dictionary<string, long?> _stamps = new(StringComparer.OrdinalIgnoreCase);

    // The database and WAL files' stamps at the last read: unchanged files mean an unchanged stamp, so most
    // rounds cost two file stats per tenant and no query.
    private readonly Dictionary<string, (FileStamp Database, FileStamp Wal)> _files = new(StringComparer.OrdinalIgnoreCase);
    private DateTime _nextHeartbeat;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        try
        {
            do
            {
                await TickAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        leases.Delete();
    }

    /// <summary>One round: registry, stamps, lease. Errors are logged; the next round tries again.</summary>
    public async Task TickAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            registry.Refresh();
            foreach (var name in registry.TakeChanges())
            {
                _stamps.Remove(name);
                _files.Remove(name);
                await observers.NotifyAsync(name);
            }

            await PollStampsAsync(cancellationToken);
            RenewLease();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Looking for changes made by other processes failed; trying again in {Interval}", options.Value.PollInterval);
        }
    }

    private async Task PollStampsAsync(CancellationToken cancellationToken)
    {
        foreach (var name in generations.Cached)
        {
            var tenant = registry.Find(name);
            if (tenant is not { State: TenantState.Running }
                || !string.Equals(databases.ProviderOf(tenant), DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var file = databases.SqliteFileOf(tenant);
            var files = (FileStamp.Of(file), FileStamp.Of(file + "-wal"));
            if (_stamps.ContainsKey(name) && _files.TryGetValue(name, out var before) && before == files)
            {
                continue;
            }

            _files[name] = files;
            await using var db = databases.Create(tenant);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(cancellationToken);
            var stamp = await TenantChangeStamp.ReadAsync(connection, cancellationToken);
            var known = _stamps.TryGetValue(name, out var seen);
            if (!known || seen != stamp)
            {
                _stamps[name] = stamp;
                await (known ? observers.NotifyAsync(name) : observers.NotifyContentAsync(name));
            }
        }
    }

    private void RenewLease()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < _nextHeartbeat && !activity.TakeNewTenant())
        {
            return;
        }

        _nextHeartbeat = now + options.Value.HeartbeatInterval;
        leases.Write(new HostLease
        {
            Id = leases.Id,
            Machine = Environment.MachineName,
            ProcessId = Environment.ProcessId,
            Urls = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [],
            HeartbeatUtc = now,
            Served = activity.ServedSince(now - options.Value.ServedWindow),
        });
    }
}
