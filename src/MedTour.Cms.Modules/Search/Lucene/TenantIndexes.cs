using System.Collections.Concurrent;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Modules.Search.Lucene;

/// <summary>
/// A tenant's live search indexes on this host, one per culture, and the gate that lets one batch of tasks (or one
/// swap) at a time change them. Thread-safe: readers take the current index of a culture; a swap replaces it whole.
/// </summary>
public sealed class TenantIndexes(string tenant, string folder) : IDisposable
{
    private readonly ConcurrentDictionary<string, SearchIndex> _indexes = new(StringComparer.OrdinalIgnoreCase);
    private string? _consumerId;

    public string Tenant { get; } = tenant;
    public string Folder { get; } = folder;

    /// <summary>Held while tasks are applied or an index is swapped.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Cultures whose index was found damaged (or is new while content exists) and must be rebuilt.</summary>
    public ConcurrentDictionary<string, string> NeedsRebuild { get; } = new(StringComparer.OrdinalIgnoreCase);

    public RebuildProgress Progress { get; } = new();

    /// <summary>This host's identity as a consumer of the tenant's tasks: kept beside its indexes, so a restart keeps it.</summary>
    public string ConsumerId => _consumerId ??= ReadOrCreateConsumerId();

    public IReadOnlyCollection<SearchIndex> All => [.. _indexes.Values];

    public SearchIndex? Find(string culture) => _indexes.GetValueOrDefault(culture);

    public SearchIndex GetOrAdd(string culture, Func<string, SearchIndex> open) => _indexes.GetOrAdd(culture, open);

    /// <summary>Puts <paramref name="index"/> live; returns the one it replaces (the caller closes it once searches are done).</summary>
    public SearchIndex? Replace(string culture, SearchIndex index)
    {
        SearchIndex? old = null;
        _indexes.AddOrUpdate(culture, index, (_, existing) =>
        {
            old = existing;
            return index;
        });
        return old;
    }

    private string ReadOrCreateConsumerId()
    {
        var file = Path.Combine(Folder, "consumer.id");
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } existing)
        {
            return existing;
        }

        Directory.CreateDirectory(Folder);
        var id = $"{Environment.MachineName}-{Guid.NewGuid():N}";
        AtomicFile.WriteAllText(file, id);
        return id;
    }

    public void Dispose()
    {
        // The gate is not disposed: a search that still holds this object may wait on it (it has no wait handle to free).
        foreach (var index in _indexes.Values)
        {
            try
            {
                index.Dispose();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // Closing a removed tenant's files: nothing to keep.
            }
        }

        _indexes.Clear();
    }
}
