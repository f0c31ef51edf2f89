using MedTour.Cms.Content;
using MedTour.Cms.Data;
using MedTour.Cms.Modules.Search;
using MedTour.Cms.Modules.Search.Indexing;
using MedTour.Cms.Modules.Search.Lucene;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Tests.SiteAdmin;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Tests.Search;

/// <summary>
/// Pruning applied indexing tasks, with consumers of their own (as the hosts of a farm) on a new site: tasks the slowest
/// known consumer still needs stay; past the bound they go and that consumer rebuilds to the same documents.
/// </summary>
public abstract class IndexingTaskPruningTests(SiteFixture site) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("medtour-prune-").FullName;

    [Fact]
    public async Task Tasks_the_slowest_consumer_needs_are_kept_and_the_rest_pruned()
    {
        var (name, admin) = await site.NewSiteAsync();
        admin.Dispose();
        var tenant = site.Service<TenantRegistry>().Find(name)!;
        using var fast = Consumer("fast", maxKept: 1_000_000);
        using var slow = Consumer("slow", maxKept: 1_000_000);
        await fast.Indexer.UpdateAsync(tenant);
        await slow.Indexer.UpdateAsync(tenant);
        await slow.Pruner.PruneAsync(tenant);
        var slowCursor = Cursor(slow, name);

        await CreateAsync(name, 5);
        await fast.Indexer.UpdateAsync(tenant);
        Assert.True(Cursor(fast, name) > slowCursor);
        await fast.Pruner.PruneAsync(tenant);

        var ids = await TaskIdsAsync(name);
        Assert.True(ids.Count >= 5, string.Join(",", ids)); // at least one task per item created since
        Assert.All(ids, id => Assert.True(id > slowCursor, $"task {id} is not past the slow cursor {slowCursor}"));

        await slow.Indexer.UpdateAsync(tenant);
        await slow.Pruner.PruneAsync(tenant);
        Assert.Equal([Cursor(fast, name)], await TaskIdsAsync(name)); // the newest task always stays
        Assert.Equal(Documents(fast.Store, name), Documents(slow.Store, name));
    }

    [Fact]
    public async Task Past_the_bound_tasks_go_and_the_consumer_left_behind_rebuilds()
    {
        var (name, admin) = await site.NewSiteAsync();
        admin.Dispose();
        var tenant = site.Service<TenantRegistry>().Find(name)!;
        using var fast = Consumer("bound-fast", maxKept: 2);
        using (var stopped = Consumer("bound-stopped", maxKept: 2))
        {
            await stopped.Indexer.UpdateAsync(tenant);
            await stopped.Pruner.PruneAsync(tenant);
        }

        var created = await CreateAsync(name, 6);
        await fast.Indexer.UpdateAsync(tenant);
        await fast.Pruner.PruneAsync(tenant);
        Assert.Equal(2, (await TaskIdsAsync(name)).Count);

        using var restarted = Consumer("bound-stopped", maxKept: 2);
        await restarted.Indexer.UpdateAsync(tenant);
        Assert.DoesNotContain(created[0].ContentItemId, Documents(restarted.Store, name)); // missed: its task was pruned
        await restarted.Pruner.PruneAsync(tenant);
        Assert.False(restarted.Store.Tenant(name).NeedsRebuild.IsEmpty);
        await restarted.Indexer.UpdateAsync(tenant);
        Assert.Equal(Documents(fast.Store, name), Documents(restarted.Store, name));
        Assert.Contains(created[0].ContentItemId, Documents(restarted.Store, name));
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        GC.SuppressFinalize(this);
    }

    private async Task<List<ContentItem>> CreateAsync(string tenant, int count)
    {
        var items = Enumerable.Range(0, count).Select(i => Articles.New($"Pruned {i} {SearchApi.Token()}", Articles.UniquePath("pruned"))).ToList();
        await using var scope = site.TenantScope(tenant);
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        foreach (var item in items)
        {
            await content.CreateAsync(item);
        }

        return items;
    }

    private async Task<List<long>> TaskIdsAsync(string tenant)
    {
        await using var scope = site.TenantScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().IndexingTasks.Select(t => t.Id).OrderBy(id => id).ToListAsync();
    }

    private static long Cursor(PruningConsumer consumer, string tenant) => consumer.Store.Index(consumer.Store.Tenant(tenant), "en").Cursor;

    private PruningConsumer Consumer(string name, long maxKept)
    {
        var options = Options.Create(new SearchOptions { IndexRoot = Path.Combine(_root, name), MaxKeptTasks = maxKept });
        var store = new SearchIndexStore(site.Service<AppPaths>(), options, NullLogger<SearchIndexStore>.Instance);
        var signal = new IndexingSignal();
        var scopes = site.Service<TenantScopeFactory>();
        var indexer = new SearchIndexer(store, scopes, new SearchDocumentBuilder(options), signal, options, TimeProvider.System, NullLogger<SearchIndexer>.Instance);
        return new PruningConsumer(store, indexer, new IndexingTaskPruner(store, scopes, options, TimeProvider.System), signal);
    }

    private static List<string> Documents(SearchIndexStore store, string tenant)
    {
        var index = store.Index(store.Tenant(tenant), "en");
        index.Refresh();
        var searcher = index.Acquire();
        try
        {
            var top = searcher.Search(new MatchAllDocsQuery(), 100_000);
            return [.. top.ScoreDocs.Select(d => searcher.Doc(d.Doc).Get("ContentItemId", System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal)];
        }
        finally
        {
            index.Release(searcher);
        }
    }
}

public sealed record PruningConsumer(SearchIndexStore Store, SearchIndexer Indexer, IndexingTaskPruner Pruner, IndexingSignal Signal) : IDisposable
{
    public void Dispose()
    {
        Store.Dispose();
        Indexer.Dispose();
        Signal.Dispose();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IndexingTaskPruningSqliteTests(SqliteSite site) : IndexingTaskPruningTests(site);

[Collection(PostgresCollection.Name)]
public sealed class IndexingTaskPruningPostgresTests(PostgresSite site) : IndexingTaskPruningTests(site);
