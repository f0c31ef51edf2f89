namespace MedTour.Cms.Tenancy.Changes;

/// <summary>What a running host says about itself in <c>App_Data/hosts/{id}.json</c>, renewed every few seconds.</summary>
public sealed record HostLease
{
    public required string Id { get; init; }
    public required string Machine { get; init; }
    public int ProcessId { get; init; }
    public IReadOnlyList<string> Urls { get; init; } = [];
    public DateTime HeartbeatUtc { get; init; }

    /// <summary>The tenants it answered requests for recently, with the time of the last one.</summary>
    public Dictionary<string, DateTime> Served { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public string Describe() => $"{Machine} (pid {ProcessId}{(Urls.Count > 0 ? ", " + string.Join(", ", Urls) : string.Empty)})";
}
