using System.Net;
using MedTour.Cms.Content;
using MedTour.Cms.Data;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Site;

/// <summary>Cached pages are evicted once a change has committed, never before (a request in between would cache the old page).</summary>
public abstract class CacheEvictionTests(SiteFixture site)
{
    [Fact]
    public async Task A_page_requested_while_a_publish_is_uncommitted_is_fresh_after_the_commit()
    {
        var path = Articles.UniquePath("evicted");
        var article = Articles.New("Before the commit", path);
        await using (var create = site.TenantScope("europe"))
        {
            await create.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(article);
        }

        Assert.Equal("Before the commit", (await site.GetAsync($"/eu/{path}")).H1);

        await using var scope = site.TenantScope("europe");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        await using (var transaction = await scope.ServiceProvider.GetRequiredService<UnitOfWork>().BeginAsync())
        {
            var draft = (await content.GetAsync(article.ContentItemId, VersionOptions.Latest))!;
            draft.Content["TitlePart"]!["Title"] = "After the commit";
            await content.UpdateAsync(draft);
            await content.PublishAsync(draft);

            // Served (and cached again) while the change is not committed: still the old page.
            Assert.Equal("Before the commit", (await site.GetAsync($"/eu/{path}")).H1);
            await transaction.CommitAsync();
        }

        Assert.Equal("After the commit", (await site.GetAsync($"/eu/{path}")).H1);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CacheEvictionSqliteTests(SqliteSite site) : CacheEvictionTests(site);

[Collection(PostgresCollection.Name)]
public sealed class CacheEvictionPostgresTests(PostgresSite site) : CacheEvictionTests(site);

/// <summary>Switching a feature off (or on) with a recipe is seen on the next request, not when cached pages expire.</summary>
[Collection(SqliteCollection.Name)]
public sealed class FeatureEvictionTests(SqliteSite site)
{
    [Fact]
    public async Task A_feature_step_evicts_the_tenants_cached_pages()
    {
        var tenant = await site.NewTenantAsync("feature", "medtour-europe");
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await site.GetAsync($"/{tenant}/articles")).Status);
            Assert.Equal(HttpStatusCode.OK, (await site.GetAsync($"/{tenant}/articles")).Status);

            await site.ImportAsync(tenant, """{"name":"Feature","disable":["MedTour"]}""");

            Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync($"/{tenant}/articles")).Status);
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }
}
