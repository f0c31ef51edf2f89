using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace MedTour.Cms.Tenancy;

/// <summary>
/// The host's list of tenants and the request → tenant map. Singleton; reads use an immutable snapshot
/// swapped atomically on change, so resolution never takes a lock. Other processes write <c>tenants.json</c>
/// too: every write re-reads the file under the cross-process lock, applies its one change and writes it back
/// (never the whole list from this process's memory), and <see cref="Refresh"/> picks up their writes.
/// </summary>
public sealed class TenantRegistry
{
    private readonly TenantStore _store;
    private readonly Lock _writeLock = new();
    private readonly ConcurrentQueue<string> _changes = new();
    private volatile Snapshot _snapshot;
    private FileStamp _stamp;

    public TenantRegistry(TenantStore store)
    {
        _store = store;
        _stamp = store.Stamp();
        _snapshot = new Snapshot(store.Load(), 1);
    }

    public IReadOnlyCollection<TenantSettings> All => _snapshot.List;

    /// <summary>Changes with every change to the list: caches of data derived from all tenants key on it.</summary>
    public long Version => _snapshot.Version;

    public TenantSettings? Find(string name) => _snapshot.ByName.GetValueOrDefault(name);

    /// <summary>Host first, then the longest matching URL prefix, else the Default tenant.</summary>
    public TenantMatch? Resolve(string? host, string path) => _snapshot.Resolve(host, path);

    /// <summary>Adds or replaces a tenant and persists the list. <paramref name="check"/> sees the list as it is on disk now.</summary>
    public void Save(TenantSettings tenant, Action<IReadOnlyCollection<TenantSettings>>? check = null)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        Write(tenant.Name, current =>
        {
            check?.Invoke([.. current.Values]);
            return (current.SetItem(tenant.Name, tenant), tenant);
        });
    }

    public void Remove(string name) => Write(name, current => (current.Remove(name), name));

    /// <summary>Changes one tenant atomically against concurrent writers, in this process and others.</summary>
    public TenantSettings Update(string name, Func<TenantSettings, TenantSettings> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Write(name, current =>
        {
            var updated = change(current.GetValueOrDefault(name) ?? throw new TenantNotFoundException(name));
            return (current.SetItem(name, updated), updated);
        });
    }

    /// <summary>Re-reads <c>tenants.json</c> if another process rewrote it. Cheap when it did not (one file stat).</summary>
    public bool Refresh()
    {
        if (_store.Stamp() == _stamp)
        {
            return false;
        }

        lock (_writeLock)
        {
            var stamp = _store.Stamp();
            if (stamp == _stamp)
            {
                return false;
            }

            // The stamp is taken before the read: a write in between is read now and read again next time.
            Publish(_store.Load(), except: null);
            _stamp = stamp;
            return true;
        }
    }

    /// <summary>Tenants that another process created, changed or removed since the last call (their caches are stale).</summary>
    public IReadOnlyList<string> TakeChanges()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (_changes.TryDequeue(out var name))
        {
            names.Add(name);
        }

        return [.. names];
    }

    private T Write<T>(string name, Func<ImmutableDictionary<string, TenantSettings>, (ImmutableDictionary<string, TenantSettings> Next, T Result)> change)
    {
        lock (_writeLock)
        {
            using var fileLock = _store.Lock();
            var (next, result) = change(ByName(_store.Load()));
            _store.Save(next.Values);
            _stamp = _store.Stamp();
            // Changes of other processes read back here are reported; this one the caller reports itself.
            Publish(next.Values, except: name);
            return result;
        }
    }

    private void Publish(IEnumerable<TenantSettings> tenants, string? except)
    {
        var before = _snapshot.ByName;
        var after = ByName(tenants);
        var changed = before.Keys.Union(after.Keys, StringComparer.OrdinalIgnoreCase)
            .Where(n => !TenantStore.Same(before.GetValueOrDefault(n), after.GetValueOrDefault(n)))
            .ToList();
        foreach (var name in changed.Where(n => !string.Equals(n, except, StringComparison.OrdinalIgnoreCase)))
        {
            _changes.Enqueue(name);
        }

        if (changed.Count > 0)
        {
            _snapshot = new Snapshot(after.Values, _snapshot.Version + 1);
        }
    }

    private static ImmutableDictionary<string, TenantSettings> ByName(IEnumerable<TenantSettings> tenants) =>
        tenants.ToImmutableDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);

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
