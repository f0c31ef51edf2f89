using MedTour.Cms.Data;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Tenancy;

/// <summary>A tenant removed and created again under the same name starts with nothing of the old one's caches.</summary>
public abstract class TenantGenerationTests(SiteFixture site)
{
    [Fact]
    public async Task A_recreated_tenant_inherits_no_cached_document_of_the_removed_one()
    {
        var name = "g" + Guid.NewGuid().ToString("N")[..10];
        var manager = site.Service<TenantManager>();
        manager.Create(new TenantSettings { Name = name, RequestUrlPrefix = name, Cultures = ["en"], Features = ["Contents"] });
        await manager.SetupAsync(name);
        await using (var scope = site.TenantScope(name))
        {
            await scope.ServiceProvider.GetRequiredService<DocumentStore>().SaveAsync("probe", new Dictionary<string, string> { ["from"] = "the old tenant" });
        }

        Assert.NotNull(await ReadProbeAsync(name)); // now in the shared cache

        await manager.DisableAsync(name);
        await manager.RemoveAsync(name);
        manager.Create(new TenantSettings { Name = name, RequestUrlPrefix = name, Cultures = ["en"], Features = ["Contents"] });
        await manager.SetupAsync(name);

        Assert.Null(await ReadProbeAsync(name));
    }

    private async Task<Dictionary<string, string>?> ReadProbeAsync(string tenant)
    {
        await using var scope = site.TenantScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<DocumentStore>().GetAsync<Dictionary<string, string>>("probe");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TenantGenerationSqliteTests(SqliteSite site) : TenantGenerationTests(site);

[Collection(PostgresCollection.Name)]
public sealed class TenantGenerationPostgresTests(PostgresSite site) : TenantGenerationTests(site);
