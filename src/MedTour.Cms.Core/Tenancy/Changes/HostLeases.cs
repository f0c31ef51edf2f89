using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Tenancy.Changes;

/// <summary>
/// Leases of the hosts running on this App_Data folder: each host writes its own file (atomically) and deletes
/// it when it stops; a lease older than <see cref="SyncOptions.LeaseExpiry"/> is a host that died. Singleton.
/// </summary>
public sealed class HostLeases(AppPaths paths, IOptions<SyncOptions> options, TimeProvider clock)
{
    /// <summary>This process's (or test host's) lease id: its own lease never blocks its own changes.</summary>
    public string Id { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    private string Folder => Path.Combine(paths.AppData, "hosts");

    private string FileOf(string id) => Path.Combine(Folder, id + ".json");

    public void Write(HostLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        AtomicFile.WriteAllText(FileOf(lease.Id), JsonSerializer.Serialize(lease));
    }

    public void Delete() => File.Delete(FileOf(Id));

    /// <summary>Other live hosts that served the tenant within <see cref="SyncOptions.ServedWindow"/>.</summary>
    public IReadOnlyList<HostLease> Serving(string tenant)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var found = new List<HostLease>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.json"))
        {
            var lease = Read(file);
            if (lease is not null && lease.Id != Id && now - lease.HeartbeatUtc < options.Value.LeaseExpiry
                && lease.Served.TryGetValue(tenant, out var last) && now - last < options.Value.ServedWindow)
            {
                found.Add(lease);
            }
        }

        return found;
    }

    private static HostLease? Read(string file)
    {
        try
        {
            var lease = JsonSerializer.Deserialize<HostLease>(File.ReadAllText(file));
            return lease is null ? null : lease with { Served = new(lease.Served, StringComparer.OrdinalIgnoreCase) };
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null; // deleted or being replaced: the next look sees it whole
        }
    }
}
