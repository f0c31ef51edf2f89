using System.Collections.Concurrent;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Content.Parts;
using MedTour.Cms.Data;
using MedTour.Cms.Modules.Search.Lucene;
using MedTour.Cms.Tenancy;
using Lucene.Net.Index;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Search.Indexing;

/// <summary>
/// Brings a tenant's indexes on this host up to date: applies the indexing tasks after the indexes' cursor in batches
/// (re-reading each item's published version, so a task applied twice is harmless), and rebuilds into a new
/// generation that is swapped in when complete. Singleton; one batch or swap per tenant at a time (the tenant's gate).
/// Running rebuilds are tracked so the host's stop cancels and awaits them (none writes into App_Data after it).
/// </summary>
public sealed partial class SearchIndexer(SearchIndexStore store, TenantScopeFactory scopes, SearchDocumentBuilder builder, IndexingSignal signal,
    IOptions<SearchOptions> options, TimeProvider clock, ILogger<SearchIndexer> logger) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private bool _disposed;
    private readonly ConcurrentDictionary<Task, byte> _rebuilds = new();
    private readonly Lock _starting = new();

    /// <summary>Starts a rebuild of the tenant's indexes in the background (the admin's button); false when one is running.</summary>
    public bool StartRebuild(TenantSettings tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        // Marked running here, so the status read right after the click already shows it.
        if (TryStart(tenant) is not { } finished)
        {
            return false;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await RebuildStartedAsync(tenant, finished, _stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // The host is stopping: the live index stays as it was.
            }
            catch (Exception e)
            {
                LogRebuildFailed(logger, e, tenant.Name);
            }
        });
        return true;
    }

    /// <summary>The host is stopping: running rebuilds are cancelled (their new generation deleted) and awaited.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] running;
        lock (_starting)
        {
            if (_disposed)
            {
                return;
            }

            _stopping.Cancel();
            running = [.. _rebuilds.Keys];
        }

        await Task.WhenAll(running).WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        lock (_starting)
        {
            _disposed = true;
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }

    /// <summary>Makes the caller the tenant's one rebuild and tracks it; null when one runs or the host is stopping.</summary>
    private TaskCompletionSource? TryStart(TenantSettings tenant)
    {
        lock (_starting)
        {
            if (_disposed || _stopping.IsCancellationRequested || !store.Tenant(tenant.Name).Progress.TryStart(0))
            {
                return null;
            }

            var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _rebuilds.TryAdd(finished.Task, 0);
            return finished;
        }
    }

    /// <summary>Rebuilds first when an index needs it, then applies new tasks. Returns the number of tasks applied.</summary>
    public async Task<int> UpdateAsync(TenantSettings tenant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var indexes = store.Tenant(tenant.Name);
        foreach (var culture in tenant.Cultures)
        {
            store.Index(indexes, culture);
        }

        if (!indexes.NeedsRebuild.IsEmpty)
        {
            await RebuildAsync(tenant, cancellationToken);
        }

        return await ApplyAsync(tenant, cancellationToken);
    }

    public async Task<int> ApplyAsync(TenantSettings tenant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var indexes = store.Tenant(tenant.Name);
        await indexes.Gate.WaitAsync(cancellationToken);
        try
        {
            var notified = signal.Applying(tenant.Name);
            var applied = await ApplyLockedAsync(tenant, [.. tenant.Cultures.Select(c => store.Index(indexes, c))], cancellationToken);
            signal.Applied(tenant.Name, notified);
            return applied;
        }
        finally
        {
            indexes.Gate.Release();
        }
    }

    /// <summary>Applies the tasks after the lowest cursor of <paramref name="targets"/>; the caller holds the tenant's gate.</summary>
    private async Task<int> ApplyLockedAsync(TenantSettings tenant, List<SearchIndex> targets, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateScope(tenant);
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CmsDbContext>();
        var reader = services.GetRequiredService<ContentReader>();
        var types = await IndexedTypesAsync(services, cancellationToken);
        var cursor = targets.Min(i => i.Cursor);
        var applied = 0;
        while (true)
        {
            var tasks = await db.IndexingTasks.AsNoTracking().Where(t => t.Id > cursor).OrderBy(t => t.Id)
                .Take(options.Value.BatchSize).ToListAsync(cancellationToken);
            if (tasks.Count == 0)
            {
                break;
            }

            if (tasks[0].Id > cursor + 1 && cursor > 0 && cursor < await PrunedThroughAsync(db, cancellationToken))
            {
                // Tasks this index had not applied were pruned (it was stopped past the bound): only a rebuild catches up.
                foreach (var index in targets)
                {
                    store.Tenant(tenant.Name).NeedsRebuild[index.Culture] = $"tasks after {cursor} were pruned";
                }

                break;
            }

            var ids = tasks.Select(t => t.ContentItemId).Distinct(StringComparer.Ordinal).ToList();
            var items = await reader.GetManyAsync(ids);
            await WriteAsync(tenant, targets, ids, items, types, reader);
            var next = SafeCursor(cursor, tasks);
            foreach (var index in targets)
            {
                index.Cursor = next;
                index.LastAppliedUtc = clock.GetUtcNow().UtcDateTime;
                index.Refresh();
                index.Commit(force: false);
            }

            applied += tasks.Count;
            if (next == cursor || next != tasks[^1].Id)
            {
                // Held back by a hole in the ids: the tasks after it are applied again on the next round.
                break;
            }

            cursor = next;
        }

        return applied;
    }

    /// <summary>
    /// Indexes every published item of the indexed types into new generations, then swaps them in. Queries keep using
    /// the live indexes meanwhile; tasks written during the rebuild are applied to the new ones after the swap.
    /// </summary>
    public async Task<bool> RebuildAsync(TenantSettings tenant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (TryStart(tenant) is not { } finished)
        {
            return false;
        }

        await RebuildStartedAsync(tenant, finished, cancellationToken);
        return true;
    }

    /// <summary>The rebuild itself, once <see cref="RebuildProgress.TryStart"/> made this caller the tenant's only rebuild.</summary>
    private async Task RebuildStartedAsync(TenantSettings tenant, TaskCompletionSource finished, CancellationToken cancellationToken)
    {
        var indexes = store.Tenant(tenant.Name);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        cancellationToken = linked.Token;
        var fresh = new List<SearchIndex>();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await using var scope = scopes.CreateScope(tenant);
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<CmsDbContext>();
            var reader = services.GetRequiredService<ContentReader>();
            var types = await IndexedTypesAsync(services, cancellationToken);
            // Tasks up to here are covered by what is read below; later ones are applied after the swap.
            var start = await db.IndexingTasks.MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
            var names = types.Names;
            var published = db.ContentItems.AsNoTracking().Where(r => r.Published && names.Contains(r.ContentType));
            indexes.Progress.SetTotal(await published.CountAsync(cancellationToken));
            fresh.AddRange(tenant.Cultures.Select(c => SearchIndexStore.CreateGeneration(indexes, c)));
            // One query per page reads the published records themselves; the next page is read (and its JSON parsed) on
            // another thread while this one is analyzed and written on every core (IndexWriter takes several threads).
            // Task.Run: SQLite's async calls run synchronously, so without it nothing would overlap.
            Task<(long Last, List<ContentItem> Items)> Page(long after) => Task.Run(async () =>
            {
                var records = await published.Where(r => r.Id > after).OrderBy(r => r.Id).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
                return (records.Count == 0 ? after : records[^1].Id, records.Select(ContentRecords.ToItem).ToList());
            }, cancellationToken);
            var page = await Page(0);
            while (page.Items.Count > 0)
            {
                var titles = await ReferenceTitles.LoadAsync(reader, page.Items);
                var next = Page(page.Last);
                try
                {
                    Parallel.ForEach(page.Items, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                        item => Add(tenant, fresh, item, titles, types));
                    indexes.Progress.Add(page.Items.Count);
                }
                finally
                {
                    // Never leave a query running on the context (an exception above would otherwise race its disposal).
                    page = await next;
                }
            }

            // A rebuild's buffer holds most of a culture, so its commit writes most of the index, on the committing thread:
            // the cultures commit side by side, else one core sat idle through the longest step of the rebuild.
            Parallel.ForEach(fresh, new ParallelOptions { CancellationToken = cancellationToken }, index =>
            {
                index.Cursor = start;
                index.LastAppliedUtc = clock.GetUtcNow().UtcDateTime;
                index.Commit();
                index.UseLiveSettings();
                index.Refresh();
            });

            await indexes.Gate.WaitAsync(cancellationToken);
            try
            {
                // Changes made while the rebuild read go in before the swap, so no search sees the new index without them.
                await ApplyLockedAsync(tenant, fresh, cancellationToken);
                var documents = 0;
                foreach (var index in fresh)
                {
                    store.Swap(indexes, index);
                    indexes.NeedsRebuild.TryRemove(index.Culture, out _);
                    documents += index.DocumentCount();
                }

                var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                LogRebuilt(logger, tenant.Name, documents, (long)elapsed.TotalMilliseconds, documents / Math.Max(0.001, elapsed.TotalSeconds));

                fresh.Clear();
            }
            finally
            {
                indexes.Gate.Release();
            }
        }
        finally
        {
            foreach (var unused in fresh)
            {
                try
                {
                    unused.Dispose();
                    Directory.Delete(unused.Folder, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A half-built generation that is never pointed at: harmless, and gone with the tenant's folder.
                }
            }

            indexes.Progress.Finish(clock.GetUtcNow().UtcDateTime);
            _rebuilds.TryRemove(finished.Task, out _);
            finished.SetResult();
        }
    }

    private async Task WriteAsync(TenantSettings tenant, List<SearchIndex> targets, List<string> deleted, IReadOnlyList<ContentItem> items,
        IndexedTypes types, ContentReader reader)
    {
        // An item may have moved culture: its old document goes from every index.
        if (deleted.Count > 0)
        {
            var terms = deleted.Select(id => new Term(SearchFields.ContentItemId, id)).ToArray();
            foreach (var index in targets)
            {
                index.Writer.DeleteDocuments(terms);
            }
        }

        var indexed = items.Where(i => i.Published && types.Names.Contains(i.ContentType)).ToList();
        var titles = await ReferenceTitles.LoadAsync(reader, indexed);
        foreach (var item in indexed)
        {
            Add(tenant, targets, item, titles, types);
        }
    }

    /// <summary>Adds the item's document to the index of its culture (else the default culture's). Thread-safe.</summary>
    private void Add(TenantSettings tenant, List<SearchIndex> targets, ContentItem item, ReferenceTitles titles, IndexedTypes types)
    {
        var culture = AutoroutePartHandler.CultureOf(item);
        var target = targets.FirstOrDefault(t => string.Equals(t.Culture, culture, StringComparison.OrdinalIgnoreCase))
            ?? targets.FirstOrDefault(t => string.Equals(t.Culture, tenant.DefaultCulture, StringComparison.OrdinalIgnoreCase))
            ?? targets[0];
        target.Writer.AddDocument(builder.Build(item, titles, target.Analyzer, types.HtmlBodyKeyed.Contains(item.ContentType)));
    }

    /// <summary>
    /// The highest task id with no hole below it. A hole is a transaction that took an id and has not committed (or rolled
    /// back): it is waited for <see cref="SearchOptions.GapWait"/>, then passed.
    /// </summary>
    private long SafeCursor(long cursor, List<IndexingTaskRecord> tasks)
    {
        var oldEnough = clock.GetUtcNow().UtcDateTime - options.Value.GapWait;
        var safe = cursor;
        foreach (var task in tasks)
        {
            if (task.Id != safe + 1 && task.CreatedUtc > oldEnough && safe != 0)
            {
                break;
            }

            safe = task.Id;
        }

        return safe;
    }

    private static async Task<long> PrunedThroughAsync(CmsDbContext db, CancellationToken cancellationToken)
    {
        var content = await db.Documents.AsNoTracking().Where(d => d.Name == SearchCursors.DocumentName).Select(d => d.Content).FirstOrDefaultAsync(cancellationToken);
        return content is null ? 0 : System.Text.Json.JsonSerializer.Deserialize<SearchCursors>(content)?.PrunedThrough ?? 0;
    }

    private async Task<IndexedTypes> IndexedTypesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var definition = await services.GetRequiredService<DocumentStore>().GetAsync<SearchIndexDefinition>(SearchIndexDefinition.DocumentName, cancellationToken);
        var names = definition?.IndexedContentTypes is { Count: > 0 } listed ? listed : options.Value.Types.Keys.ToList();
        return IndexedTypes.From(names, await services.GetRequiredService<ContentDefinitionManager>().GetAsync(cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant}: search index rebuilt, {Documents} documents in {Milliseconds} ms ({Rate:F0} documents/s)")]
    private static partial void LogRebuilt(ILogger logger, string tenant, int documents, long milliseconds, double rate);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {Tenant}: rebuilding the search index failed; the live index is unchanged")]
    private static partial void LogRebuildFailed(ILogger logger, Exception exception, string tenant);
}
