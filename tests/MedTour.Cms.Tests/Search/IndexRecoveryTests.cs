using MedTour.Cms.Content;
using MedTour.Cms.Modules.Search;
using MedTour.Cms.Modules.Search.Indexing;
using MedTour.Cms.Modules.Search.Lucene;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using Lucene.Net.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Tests.Search;

/// <summary>
/// Index consumers of their own (as other hosts of a farm would have, each with its folder) on the fixture's database:
/// they converge to the same documents, and recover from a crash's leftovers without an operator.
/// </summary>
public abstract class IndexRecoveryTests(SiteFixture site) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("medtour-search-").FullName;

    [Fact]
    public async Task Two_consumers_converge_to_the_same_documents()
    {
        using var first = Consumer("a");
        using var second = Consumer("b");
        var tenant = Tenant("europe");
        await first.Indexer.UpdateAsync(tenant);
        var item = Articles.New("Converge " + SearchApi.Token(), Articles.UniquePath("converge"));
        await using (var scope = site.TenantScope("europe"))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            await content.CreateAsync(item);
            var removed = Articles.New("Gone " + SearchApi.Token(), Articles.UniquePath("gone"));
            await content.CreateAsync(removed);
            await content.RemoveAsync(removed);
        }

        await second.Indexer.UpdateAsync(tenant);
        await first.Indexer.UpdateAsync(tenant);

        var a = Documents(first.Store, "europe");
        var b = Documents(second.Store, "europe");
        Assert.Contains(item.ContentItemId, a);
        Assert.Equal(a, b);
        Assert.Equal(Documents(site.Service<SearchIndexStore>(), "europe", refresh: true), a);
    }

    [Fact]
    public async Task A_stale_write_lock_is_repaired_by_a_rebuild()
    {
        var tenant = Tenant("usa");
        string folder;
        List<string> before;
        using (var consumer = Consumer("lock"))
        {
            await consumer.Indexer.UpdateAsync(tenant);
            before = Documents(consumer.Store, "usa");
            folder = consumer.Store.Index(consumer.Store.Tenant("usa"), "en").Folder;
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "write.lock"), string.Empty);
        using var restarted = Consumer("lock");
        restarted.Store.Index(restarted.Store.Tenant("usa"), "en");
        Assert.NotEmpty(restarted.Store.Tenant("usa").NeedsRebuild);

        await restarted.Indexer.UpdateAsync(tenant);

        Assert.NotEmpty(before);
        Assert.Equal(before, Documents(restarted.Store, "usa"));
        Assert.Empty(restarted.Store.Tenant("usa").NeedsRebuild);
    }

    [Fact]
    public async Task A_deleted_segment_file_is_repaired_by_a_rebuild()
    {
        var tenant = Tenant("usa");
        string folder;
        List<string> before;
        using (var consumer = Consumer("segment"))
        {
            await consumer.Indexer.UpdateAsync(tenant);
            before = Documents(consumer.Store, "usa");
            folder = consumer.Store.Index(consumer.Store.Tenant("usa"), "en").Folder;
        }

        var segment = Directory.EnumerateFiles(folder).First(f => Path.GetExtension(f) is ".cfs" or ".si" or ".fdt");
        File.Delete(segment);
        using var restarted = Consumer("segment");
        await restarted.Indexer.UpdateAsync(tenant);

        Assert.Equal(before, Documents(restarted.Store, "usa"));
    }

    [Fact]
    public async Task A_clean_restart_keeps_the_index_without_a_rebuild()
    {
        var tenant = Tenant("usa");
        using (var consumer = Consumer("clean"))
        {
            await consumer.Indexer.UpdateAsync(tenant);
        }

        using var restarted = Consumer("clean");
        restarted.Store.Index(restarted.Store.Tenant("usa"), "en");

        Assert.Empty(restarted.Store.Tenant("usa").NeedsRebuild);
        Assert.NotEmpty(Documents(restarted.Store, "usa"));
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        GC.SuppressFinalize(this);
    }

    private TenantSettings Tenant(string name) => site.Service<TenantRegistry>().Find(name)!;

    private Consumer Consumer(string name)
    {
        var options = Options.Create(new SearchOptions { IndexRoot = Path.Combine(_root, name) });
        var store = new SearchIndexStore(site.Service<AppPaths>(), options, NullLogger<SearchIndexStore>.Instance);
        var signal = new IndexingSignal();
        var indexer = new SearchIndexer(store, site.Service<TenantScopeFactory>(), new SearchDocumentBuilder(options), signal, options, TimeProvider.System, NullLogger<SearchIndexer>.Instance);
        return new Consumer(store, indexer, signal);
    }

    private static List<string> Documents(SearchIndexStore store, string tenant, bool refresh = false)
    {
        var index = store.Index(store.Tenant(tenant), "en");
        if (refresh)
        {
            index.Refresh();
        }

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

public sealed record Consumer(SearchIndexStore Store, SearchIndexer Indexer, IndexingSignal Signal) : IDisposable
{
    public void Dispose()
    {
        Store.Dispose();
        Signal.Dispose();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IndexRecoverySqliteTests(SqliteSite site) : IndexRecoveryTests(site);

[Collection(PostgresCollection.Name)]
public sealed class IndexRecoveryPostgresTests(PostgresSite site) : IndexRecoveryTests(site);
