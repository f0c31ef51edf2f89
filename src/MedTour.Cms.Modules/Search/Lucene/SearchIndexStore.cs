using System.Collections.Concurrent;
using MedTour.Cms.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Search.Lucene;

/// <summary>
/// Where this host's search indexes live and which are open: <c>App_Data/Sites/{tenant}/Lucene/Search/{culture}-{generation}</c>,
/// with <c>{culture}.current</c> naming the live generation (written atomically, so a swap is one rename). An index that
/// cannot be opened is replaced by an empty one and marked for rebuild. Singleton; thread-safe.
/// </summary>
public sealed partial class SearchIndexStore(AppPaths paths, IOptions<SearchOptions> options, ILogger<SearchIndexStore> logger) : IDisposable
{
    public const string IndexName = "Search";

    private readonly ConcurrentDictionary<string, TenantIndexes> _tenants = new(StringComparer.OrdinalIgnoreCase);
    // Swapped-out generations waiting for their last searches; closed and deleted at once when the host stops.
    private readonly ConcurrentDictionary<Task, byte> _retiring = new();
    private readonly CancellationTokenSource _closing = new();

    public TenantIndexes Tenant(string tenant) =>
        _tenants.GetOrAdd(tenant, name => new TenantIndexes(name, options.Value.IndexRoot is { } root
            ? Path.Combine(root, name, "Lucene", IndexName)
            : Path.Combine(paths.TenantFolder(name), "Lucene", IndexName)));

    /// <summary>The live index of a culture, opened (or repaired into an empty one to rebuild) on first use.</summary>
    public SearchIndex Index(TenantIndexes tenant, string culture)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.GetOrAdd(culture, c => Open(tenant, c));
    }

    /// <summary>A fresh, empty index of a new generation beside the live one (for a rebuild).</summary>
    public static SearchIndex CreateGeneration(TenantIndexes tenant, string culture)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var folder = Path.Combine(tenant.Folder, $"{culture}-{DateTime.UtcNow:yyyyMMddHHmmssfff}");
        return SearchIndex.Open(folder, culture, create: true);
    }

    /// <summary>Makes <paramref name="index"/> the live one (pointer file first, then memory); the old one is closed and deleted after searches finish with it.</summary>
    public void Swap(TenantIndexes tenant, SearchIndex index)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(index);
        index.Commit();
        AtomicFile.WriteAllText(Pointer(tenant, index.Culture), Path.GetFileName(index.Folder));
        var old = tenant.Replace(index.Culture, index);
        if (old is not null)
        {
            var retire = RetireAsync(old);
            _retiring.TryAdd(retire, 0);
            _ = retire.ContinueWith(t => _retiring.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    /// <summary>Closes a tenant's indexes (tenant disabled or removed); they are opened again on next use.</summary>
    public void Close(string tenant)
    {
        if (_tenants.TryRemove(tenant, out var indexes))
        {
            indexes.Dispose();
        }
    }

    public void Dispose()
    {
        if (_closing.IsCancellationRequested)
        {
            return;
        }

        _closing.Cancel();
        try
        {
            Task.WaitAll([.. _retiring.Keys], TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // Each retirement logs its own failure to delete; closing goes on.
        }

        // _closing is not disposed: a rebuild's swap racing this close may still read its token (it holds no handle).
        foreach (var name in _tenants.Keys)
        {
            Close(name);
        }
    }

    private SearchIndex Open(TenantIndexes tenant, string culture)
    {
        var pointer = Pointer(tenant, culture);
        var generation = File.Exists(pointer) ? File.ReadAllText(pointer).Trim() : null;
        var folder = generation is { Length: > 0 } ? Path.Combine(tenant.Folder, generation) : null;
        if (folder is null || !Directory.Exists(folder))
        {
            // No index yet: a new, empty one; content that already exists is put in by a rebuild.
            var created = CreateGeneration(tenant, culture);
            AtomicFile.WriteAllText(pointer, Path.GetFileName(created.Folder));
            tenant.NeedsRebuild[culture] = "new index";
            return created;
        }

        try
        {
            return SearchIndex.Open(folder, culture);
        }
        catch (SearchIndexDamagedException e)
        {
            LogDamaged(e, tenant.Tenant, culture, e.Message);
            var created = CreateGeneration(tenant, culture);
            AtomicFile.WriteAllText(pointer, Path.GetFileName(created.Folder));
            tenant.NeedsRebuild[culture] = e.Message;
            TryDelete(folder);
            return created;
        }
    }

    private async Task RetireAsync(SearchIndex old)
    {
        // Searches acquired before the swap finish on the old reader; none lasts seconds.
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(5), _closing.Token);
        }
        catch (OperationCanceledException)
        {
            // The host stops: no search is left to finish.
        }

        try
        {
            old.Dispose();
        }
        finally
        {
            TryDelete(old.Folder);
        }
    }

    private void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException e)
        {
            LogDeleteFailed(e, folder);
        }
        catch (UnauthorizedAccessException e)
        {
            LogDeleteFailed(e, folder);
        }
    }

    private static string Pointer(TenantIndexes tenant, string culture) => Path.Combine(tenant.Folder, culture + ".current");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {Tenant}: the {Culture} search index cannot be opened ({Reason}); it is rebuilt")]
    private partial void LogDamaged(Exception exception, string tenant, string culture, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An old search index folder {Folder} could not be deleted")]
    private partial void LogDeleteFailed(Exception exception, string folder);
}
