using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Tenancy;

/// <summary>
/// Which tenant a request's Host header selects, the port ignored (<c>ua.medtour.example:8080</c> is the Ukrainian
/// region). Only declared hosts count: a tenant's <c>RequestUrlHosts</c>, <c>MedTour:DefaultHosts</c> and the machine
/// itself (loopback). On the Default tenant's hosts and loopback, URL prefixes select the regions. Any other host
/// gets the Default tenant and must not fill caches (its name would otherwise key entries without bound).
/// Singleton; the host table is rebuilt when the registry changes.
/// </summary>
public sealed class TenantHostResolver(TenantRegistry registry, IOptions<CmsOptions> options)
{
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    private volatile HostTable? _table;

    public HostResolution Resolve(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path.Value ?? "/";
        var table = Table();
        var name = Normalize(request.Host.Host);
        if (table.Exact.TryGetValue(Normalize(request.Host.Value), out var declared) || table.ByName.TryGetValue(name, out declared))
        {
            var match = declared.Tenant.Name == TenantSettings.DefaultName
                ? registry.Resolve(null, path)
                : registry.Resolve(declared.Host, path);
            return new HostResolution(match, IsCacheablePort(request, declared.Port));
        }

        if (table.DefaultHosts.Contains(name))
        {
            return new HostResolution(registry.Resolve(null, path), IsCacheablePort(request, null));
        }

        var fallback = registry.Find(TenantSettings.DefaultName);
        return new HostResolution(fallback is null ? null : new TenantMatch(fallback, string.Empty), Cacheable: false);
    }

    /// <summary>
    /// The port is part of every absolute URL a page shows, so it is part of cache keys: only the ports a visitor
    /// reaches us on (none, the scheme's default, the one we listen on, a declared one) may create entries.
    /// </summary>
    private static bool IsCacheablePort(HttpRequest request, int? declared)
    {
        var port = request.Host.Port;
        return port is null
            || port == declared
            || port == request.HttpContext.Connection.LocalPort
            || (port == 80 && request.Scheme == "http")
            || (port == 443 && request.Scheme == "https");
    }

    private HostTable Table()
    {
        var table = _table;
        var version = registry.Version;
        if (table is null || table.Version != version)
        {
            _table = table = HostTable.Build(version, registry.All, options.Value.DefaultHosts.Concat(Loopback));
        }

        return table;
    }

    private static string Normalize(string? host) => (host ?? string.Empty).TrimEnd('.').ToLowerInvariant();

    private sealed record DeclaredHost(string Host, int? Port, TenantSettings Tenant);

    private sealed record HostTable(long Version, FrozenDictionary<string, DeclaredHost> Exact, FrozenDictionary<string, DeclaredHost> ByName, FrozenSet<string> DefaultHosts)
    {
        public static HostTable Build(long version, IEnumerable<TenantSettings> tenants, IEnumerable<string> defaultHosts)
        {
            var declared = tenants
                .OrderBy(t => t.Name == TenantSettings.DefaultName) // a region's host wins over the Default tenant's
                .SelectMany(t => t.RequestUrlHosts.Select(h => (Host: h, HostString: new HostString(h), Tenant: t)))
                .ToList();
            var exact = new Dictionary<string, DeclaredHost>();
            var byName = new Dictionary<string, DeclaredHost>();
            foreach (var (host, parsed, tenant) in declared)
            {
                var entry = new DeclaredHost(host, parsed.Port, tenant);
                exact.TryAdd(Normalize(host), entry);
                byName.TryAdd(Normalize(parsed.Host), entry);
            }

            return new HostTable(version, exact.ToFrozenDictionary(), byName.ToFrozenDictionary(),
                defaultHosts.Select(h => Normalize(new HostString(h).Host)).ToFrozenSet());
        }
    }
}

/// <param name="Match">Null until the Default tenant exists (first run).</param>
/// <param name="Cacheable">False for hosts no tenant declares (and undeclared ports): nothing of the request is cached.</param>
public sealed record HostResolution(TenantMatch? Match, bool Cacheable);
