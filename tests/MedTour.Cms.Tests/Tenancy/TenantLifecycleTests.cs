using System.Net;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.Tenancy;

/// <summary>Create → set up from a recipe → disable → enable → remove, through the service the admin and CLI use.</summary>
public abstract class TenantLifecycleTests(SiteFixture site)
{
    [Fact]
    public async Task A_tenant_can_be_created_set_up_disabled_enabled_and_removed()
    {
        var manager = site.Service<TenantManager>();
        var registry = site.Service<TenantRegistry>();
        var name = "t" + Guid.NewGuid().ToString("N")[..10];
        using var client = site.Client();

        manager.Create(new TenantSettings { Name = name, RequestUrlPrefix = name, Cultures = ["en"], RecipeName = "medtour-europe", Features = ["Contents"], Theme = "MedTour" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri($"/{name}/liver-metastasis", UriKind.Relative))).StatusCode);

        await manager.SetupAsync(name);
        Assert.Equal(TenantState.Running, registry.Find(name)!.State);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/{name}/liver-metastasis", UriKind.Relative))).StatusCode);

        await manager.DisableAsync(name);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/{name}/liver-metastasis", UriKind.Relative))).StatusCode);

        await manager.EnableAsync(name);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/{name}/liver-metastasis", UriKind.Relative))).StatusCode);

        await Assert.ThrowsAsync<TenantValidationException>(() => manager.RemoveAsync(name));
        await manager.DisableAsync(name);
        await manager.RemoveAsync(name);
        Assert.Null(registry.Find(name));
        Assert.False(Directory.Exists(Path.Combine(site.Factory.AppData, "Sites", name)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/{name}/liver-metastasis", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_feature_switched_off_hides_its_module_for_that_tenant_only()
    {
        var manager = site.Service<TenantManager>();
        var name = "t" + Guid.NewGuid().ToString("N")[..10];
        manager.Create(new TenantSettings { Name = name, RequestUrlPrefix = name, Cultures = ["en"], RecipeName = "medtour-europe", Features = ["MedTour"] });
        await manager.SetupAsync(name);
        using var client = site.Client();

        var withoutContents = await client.GetAsync(new Uri($"/{name}/liver-metastasis", UriKind.Relative));
        await manager.UpdateAsync(name, t => t with { Features = ["Contents", "MedTour"] });
        var withContents = await client.GetAsync(new Uri($"/{name}/liver-metastasis", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, withoutContents.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withContents.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/eu/liver-metastasis", UriKind.Relative))).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TenantLifecycleSqliteTests(SqliteSite site) : TenantLifecycleTests(site);

[Collection(PostgresCollection.Name)]
public sealed class TenantLifecyclePostgresTests(PostgresSite site) : TenantLifecycleTests(site);
