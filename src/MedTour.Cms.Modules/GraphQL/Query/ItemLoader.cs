using GraphQL.DataLoader;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Caching;
using MedTour.Cms.Content.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Graph.Query;

/// <summary>
/// Loads related items in batches: resolvers ask for ids and get a deferred result; GraphQL.NET completes deferred
/// results after the whole level has been resolved, so the first one read loads every id asked for at that level in
/// one query (published items through the shared published-content cache, so warm reads cost no query at all).
/// <see cref="LoadNow"/> skips the deferral when every id is known already (loaded earlier in the request, or in that
/// cache). Items of types the schema hides (coordinators, forms) are never returned. One per request and status.
/// </summary>
public sealed class ItemLoader(IServiceProvider services, ItemStatus status, GraphContext context)
{
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContentItem?> _loaded = new(StringComparer.Ordinal);
    private PublishedContent? _published;

    /// <summary>
    /// The items at once when every id is known (a resolver's value: no deferred result, no second pass), else the
    /// same deferred batch as <see cref="Load"/>; the ids found in the cache are kept either way.
    /// </summary>
    public object LoadNow(IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var known = true;
        foreach (var id in ids)
        {
            if (!_loaded.ContainsKey(id) && !TryCached(id))
            {
                known = false;
            }
        }

        return known ? Collect(ids) : Load(ids);
    }

    public IDataLoaderResult<IReadOnlyList<ContentItem>> Load(IReadOnlyList<string> ids)
    {
        foreach (var id in ids)
        {
            if (!_loaded.ContainsKey(id))
            {
                _pending.Add(id);
            }
        }

        return new Deferred(this, ids);
    }

    /// <summary>One item (a search hit's), batched with the level's other ids; null when hidden or not published.</summary>
    public IDataLoaderResult<ContentItem?> LoadOne(string id) => new One(Load([id]));

    /// <summary>Items already at hand (a list's page) so relations pointing back to them cost nothing.</summary>
    public void Prime(IEnumerable<ContentItem> items)
    {
        foreach (var item in items)
        {
            _loaded.TryAdd(item.ContentItemId, item);
            _pending.Remove(item.ContentItemId);
        }
    }

    private async Task<IReadOnlyList<ContentItem>> ResultAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Any(id => !_loaded.ContainsKey(id)) && _pending.Count > 0)
        {
            var batch = _pending.ToList();
            _pending.Clear();
            foreach (var item in await FetchAsync(batch, cancellationToken))
            {
                _loaded[item.ContentItemId] = item;
            }

            foreach (var id in batch)
            {
                _loaded.TryAdd(id, null);
            }
        }

        return Collect(ids);
    }

    private bool TryCached(string id)
    {
        if (status != ItemStatus.Published)
        {
            return false;
        }

        _published ??= services.GetRequiredService<PublishedContent>();
        if (!_published.TryGetCached(id, out var item))
        {
            return false;
        }

        _loaded[id] = item;
        _pending.Remove(id);
        return true;
    }

    private List<ContentItem> Collect(IReadOnlyList<string> ids)
    {
        var result = new List<ContentItem>(ids.Count);
        foreach (var id in ids)
        {
            if (_loaded.GetValueOrDefault(id) is { } item && ContentTypeRules.IsExposed(item.ContentType))
            {
                context.Returned(item);
                result.Add(item);
            }
        }

        return result;
    }

    private async Task<IReadOnlyList<ContentItem>> FetchAsync(List<string> ids, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (status == ItemStatus.Published)
        {
            return await services.GetRequiredService<PublishedContent>().GetManyAsync(ids);
        }

        var definition = await services.GetRequiredService<ContentDefinitionManager>().GetAsync(cancellationToken);
        var items = await services.GetRequiredService<ContentReader>().GetManyAsync(ids, VersionOptions.Latest);
        return [.. items.Select(i => DeclaredParts.OnlyDeclared(i, definition))];
    }

    private sealed class One(IDataLoaderResult<IReadOnlyList<ContentItem>> many) : IDataLoaderResult<ContentItem?>
    {
        public async Task<ContentItem?> GetResultAsync(CancellationToken cancellationToken = default) =>
            (await many.GetResultAsync(cancellationToken)) is [var item, ..] ? item : null;

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    private sealed class Deferred(ItemLoader loader, IReadOnlyList<string> ids) : IDataLoaderResult<IReadOnlyList<ContentItem>>
    {
        public Task<IReadOnlyList<ContentItem>> GetResultAsync(CancellationToken cancellationToken = default) => loader.ResultAsync(ids, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
