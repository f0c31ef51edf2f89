using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Tests.Tenancy;

/// <summary>Host first, then the longest URL prefix, else Default — on a registry of its own.</summary>
public sealed class TenantResolutionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("medtour-registry-").FullName;
    private readonly TenantRegistry _registry;

    public TenantResolutionTests()
    {
        var paths = new AppPaths(
            Microsoft.Extensions.Options.Options.Create(new CmsOptions { AppDataPath = _folder }),
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = _folder });
        _registry = new TenantRegistry(new TenantStore(paths));
        _registry.Save(new TenantSettings { Name = "Default" });
        _registry.Save(new TenantSettings { Name = "ukraine", RequestUrlPrefix = "ua", RequestUrlHosts = ["ua.medtour.example"] });
        _registry.Save(new TenantSettings { Name = "europe", RequestUrlPrefix = "eu" });
        _registry.Save(new TenantSettings { Name = "europeKids", RequestUrlPrefix = "eu/kids" });
    }

    [Theory]
    [InlineData("localhost", "/ua/liver", "ukraine", "/ua")]
    [InlineData("localhost", "/ua", "ukraine", "/ua")]
    [InlineData("localhost", "/UA/liver", "ukraine", "/ua")]
    [InlineData("localhost", "/uab/liver", "Default", "")]
    [InlineData("localhost", "/eu/kids/page", "europeKids", "/eu/kids")]
    [InlineData("localhost", "/eu/kidsx", "europe", "/eu")]
    [InlineData("ua.medtour.example", "/liver", "ukraine", "")]
    [InlineData("UA.MedTour.Example", "/ua/liver", "ukraine", "/ua")]
    [InlineData("unknown.example", "/nothing", "Default", "")]
    [InlineData("localhost", "/", "Default", "")]
    public void Resolves_by_host_then_longest_prefix_then_default(string host, string path, string tenant, string pathBase)
    {
        var match = _registry.Resolve(host, path);

        Assert.NotNull(match);
        Assert.Equal(tenant, match.Tenant.Name);
        Assert.Equal(pathBase, match.PathBase, ignoreCase: true);
    }

    [Fact]
    public void Survives_a_restart_from_tenants_json()
    {
        var paths = new AppPaths(
            Microsoft.Extensions.Options.Options.Create(new CmsOptions { AppDataPath = _folder }),
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = _folder });
        var reloaded = new TenantRegistry(new TenantStore(paths));

        Assert.Equal("ukraine", reloaded.Resolve("ua.medtour.example", "/")!.Tenant.Name);
        Assert.Equal(4, reloaded.All.Count);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
