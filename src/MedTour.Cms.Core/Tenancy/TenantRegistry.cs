using System.Collections.Immutable;

namespace MedTour.Cms.Tenancy;

/// <summary>
/// The host's list of tenants and the request → tenant map. Singleton; reads use an immutable snapshot
/// swapped atomically on change, so resolution never takes a lock.
/// </summary>
public sealed class TenantRegistry
{
    private readonly TenantStore _store;
    private readonly Lock _writeLock = new();
    private volatile Snapshot _snapshot;

    public TenantRegistry(TenantStore store)
    {
        _store = store;
        _snapshot = new Snapshot(store.Load(), 1);
    }

    public IReadOnlyCollection<TenantSettings> All => _snapshot.List;

    /// <summary>Changes with every save or removal: caches of data derived from all tenants key on it.</summary>
    public long Version => _snapshot.Version;

    public TenantSettings? Find(string name) => _snapshot.ByName.GetValueOrDefault(name);

    /// <summary>Host first, then the longest matching URL prefix, else the Default tenant.</summary>
    public TenantMatch? Resolve(string? host, string path) => _snapshot.Resolve(host, path);

    /// <summary>Adds or replaces a tenant and persists the list.</summary>
    public void Save(TenantSettings tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        lock (_writeLock)
        {
            var next = _snapshot.ByName.SetItem(tenant.Name, tenant);
            _store.Save(next.Values);
            _snapshot = new Snapshot(next.Values, _snapshot.Version + 1);
        }
    }

    public void Remove(string name)
    {
        lock (_writeLock)
        {
            var next = _snapshot.ByName.Remove(name);
            _store.Save(next.Values);
            _snapshot = new Snapshot(next.Values, _snapshot.Version + 1);
        }
    }

    /// <summary>Changes one tenant atomically against concurrent writers.</summary>
    public TenantSettings Update(string name, Func<TenantSettings, TenantSettings> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_writeLock)
        {
            var current = _snapshot.ByName.GetValueOrDefault(name) ?? throw new TenantNotFoundException(name);
            var updated = change(current);
            var next = _snapshot.ByName.SetItem(name, updated);
            _store.Save(next.Values);
            _snapshot = new Snapshot(next.Values, _snapshot.Version + 1);
            return updated;
        }
    }

    private sealed class Snapshot
    {
        private readonly ImmutableDictionary<string, TenantSettings> _byHost;
        private readonly ImmutableArray<(string Prefix, TenantSettings Tenant)> _byPrefix;

        public Snapshot(IEnumerable<TenantSettings> tenants, long version)
        {
            Version = version;
            ByName = tenants.ToImmutableDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
            List = [.. ByName.Values];
            _byHost = ByName.Values
                .SelectMany(t => t.RequestUrlHosts.Select(h => (Host: h, Tenant: t)))
                .ToImmutableDictionary(x => x.Host, x => x.Tenant, StringComparer.OrdinalIgnoreCase);
            _byPrefix = [.. ByName.Values
                .Where(t => !string.IsNullOrEmpty(t.RequestUrlPrefix))
                .Select(t => ("/" + t.RequestUrlPrefix, t))
                .OrderByDescending(x => x.Item1.Length)];
        }

        public ImmutableDictionary<string, TenantSettings> ByName { get; }

        public ImmutableArray<TenantSettings> List { get; }

        public long Version { get; }

        public TenantMatch? Resolve(string? host, string path)
        {
            if (host is not null && _byHost.TryGetValue(host, out var byHost))
            {
                // A host-bound tenant may also carry a prefix; honour it when the path uses it.
                var hostPrefix = "/" + byHost.RequestUrlPrefix;
                return byHost.RequestUrlPrefix is { Length: > 0 } && StartsWithSegment(path, hostPrefix)
                    ? new TenantMatch(byHost, hostPrefix)
                    : new TenantMatch(byHost, string.Empty);
            }

            foreach (var (prefix, tenant) in _byPrefix)
            {
                if (StartsWithSegment(path, prefix))
                {
                    return new TenantMatch(tenant, prefix);
                }
            }

            return ByName.TryGetValue(TenantSettings.DefaultName, out var fallback) ? new TenantMatch(fallback, string.Empty) : null;
        }

        private static bool StartsWithSegment(string path, string prefix) =>
            path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (path.Length == prefix.Length || path[prefix.Length] == '/');
    }
}

/// <summary>A resolved tenant and the part of the path that selected it (becomes the request's PathBase).</summary>
public sealed record TenantMatch(TenantSettings Tenant, string PathBase);
