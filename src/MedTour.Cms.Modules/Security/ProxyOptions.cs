using System.Net;

namespace MedTour.Cms.Modules.Security;

/// <summary>
/// Configuration section <c>MedTour:Proxy</c>: the reverse proxies whose <c>X-Forwarded-For/Proto/Host</c> headers
/// are believed. None by default: without them the headers are ignored, whoever sends them.
/// </summary>
public sealed class ProxyOptions
{
    /// <summary>Addresses of proxies (<c>10.0.0.5</c>, <c>::1</c>).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies in CIDR form (<c>10.0.0.0/24</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row may add themselves to <c>X-Forwarded-For</c> (each must be known).</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool Any => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<IPAddress> ProxyAddresses() => KnownProxies.Select(p =>
        IPAddress.TryParse(p, out var address) ? address : throw new InvalidOperationException($"MedTour:Proxy:KnownProxies: '{p}' is not an IP address."));

    public IEnumerable<IPNetwork> Networks() => KnownNetworks.Select(n =>
        IPNetwork.TryParse(n, out var network) ? network : throw new InvalidOperationException($"MedTour:Proxy:KnownNetworks: '{n}' is not a network in CIDR form (e.g. 10.0.0.0/24)."));
}
