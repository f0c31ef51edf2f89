namespace MedTour.Cms.Tenancy.Changes;

/// <summary>How a host learns of other processes' changes and tells them it runs (configuration section <c>MedTour:Sync</c>).</summary>
public sealed class SyncOptions
{
    /// <summary>How often <c>tenants.json</c> and (on SQLite) the change stamps of the tenants this host caches are read.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the host rewrites its lease file.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A lease not renewed for this long belongs to a host that is gone.</summary>
    public TimeSpan LeaseExpiry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A tenant counts as served by a host that answered one of its requests this recently.</summary>
    public TimeSpan ServedWindow { get; set; } = TimeSpan.FromSeconds(60);
}
