using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.Security;

/// <summary>A host in Production behind a reverse proxy at 10.1.2.3 or in 10.20.0.0/16 (SQLite: storage plays no part here).</summary>
public sealed class ProxySite : SiteFixture
{
    public const string Proxy = "10.1.2.3";
    public const string ProxyInNetwork = "10.20.5.6";
    public const string Stranger = "10.9.9.9";

    public override string Provider => "Sqlite";

    protected override void Configure(Dictionary<string, string> settings)
    {
        settings["environment"] = "Production";
        settings["MedTour:Proxy:KnownProxies:0"] = Proxy;
        settings["MedTour:Proxy:KnownNetworks:0"] = "10.20.0.0/16";
    }
}

[CollectionDefinition(Name)]
public sealed class ProxyCollection : ICollectionFixture<ProxySite>
{
    public const string Name = "Site behind a proxy";
}
