using System.Collections.Concurrent;

namespace MedTour.Cms.Tenancy;

/// <summary>
/// Tenants whose setup failed in this process (a bad regional recipe): the others keep running, and readiness
/// reports these by name (the exception is in the log). A later successful setup or removal clears the entry. Singleton.
/// </summary>
public sealed class TenantSetupFailures
{
    private readonly ConcurrentDictionary<string, DateTime> _failed = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> Names => [.. _failed.Keys.Order(StringComparer.Ordinal)];

    public bool Contains(string tenantName) => _failed.ContainsKey(tenantName);

    public void Record(string tenantName, DateTime whenUtc) => _failed[tenantName] = whenUtc;

    public void Clear(string tenantName) => _failed.TryRemove(tenantName, out _);
}
