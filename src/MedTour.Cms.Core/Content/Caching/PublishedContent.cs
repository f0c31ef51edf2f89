using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Content.Indexing;
using MedTour.Cms.Data;
using MedTour.Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Content.Caching;

/// <summary>
/// Published content for the public site, read through a per-tenant memory cache keyed by the tenant's
/// content version (<see cref="ContentVersions"/>): routes, items, their paths and named query results.
/// Items handed out are shared between requests: read them, never change them (edit through
/// <see cref="ContentManager"/>); their JSON strings are decoded once, when cached (<see cref="DecodedJson"/>). Scoped.
/// </summary>
public sealed class PublishedContent(IServiceProvider services, TenantCache cache, CurrentTenant tenant, ContentVersions versions)
{
    // Resolved on a cache miss only: a page served from the cache never builds a DbContext.
    private ContentReader Content => services.GetRequiredService<ContentReader>();
    private RouteIndex Routes => services.GetRequiredService<RouteIndex>();

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public ContentQueryFactory Queries => services.GetRequiredService<ContentQueryFactory>();

    /// <summary>A published route; misses are not cached (visitors can make up any number of paths).</summary>
    public Task<RouteTarget?> FindRouteAsync(string path, string culture) =>
        GetOrAddAsync($"route:{culture}:{path}", () => Routes.FindPublishedAsync(path, culture), cacheMisses: false);

    public Task<ContentItem?> GetAsync(string contentItemId) =>
        GetOrAddAsync($"item:{contentItemId}", async () => await DeclaredAsync(await Content.GetAsync(contentItemId)));

    /// <summary>
    /// An item already cached for the current content version, without a query or an await (GraphQL relations use it
    /// to answer at once); <paramref name="item"/> is null for an id known to be missing. False: read it.
    /// </summary>
    public bool TryGetCached(string contentItemId, out ContentItem? item) =>
        cache.TryGet(tenant.Name, ItemPrefix(versions.Current(tenant.Name)) + contentItemId, out item);

    /// <summary>Several items, in the order of the ids (missing ones left out); only the ones not cached are read, in one query.</summary>
    public async Task<IReadOnlyList<ContentItem>> GetManyAsync(IReadOnlyCollection<string> contentItemIds)
    {
        ArgumentNullException.ThrowIfNull(contentItemIds);
        var version = versions.Current(tenant.Name);

        // Warm path (every id cached, the usual case on a public site): one pass, no lookup tables.
        var items = new List<ContentItem>(contentItemIds.Count);
        var prefix = ItemPrefix(version);
        foreach (var id in contentItemIds)
        {
            if (!cache.TryGet<ContentItem?>(tenant.Name, prefix + id, out var item))
            {
                return await GetManyColdAsync(contentItemIds, version);
            }

            if (item is not null)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private async Task<IReadOnlyList<ContentItem>> GetManyColdAsync(IReadOnlyCollection<string> contentItemIds, long version)
    {
        var found = new Dictionary<string, ContentItem?>(StringComparer.Ordinal);
        foreach (var id in contentItemIds.Distinct())
        {
            if (cache.TryGet<ContentItem?>(tenant.Name, Key(version, $"item:{id}"), out var item))
            {
                found[id] = item;
            }
        }

        var missing = contentItemIds.Where(id => !found.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            var definition = await services.GetRequiredService<ContentDefinitionManager>().GetAsync();
            var loaded = (await Content.GetManyAsync(missing)).Select(i => DecodedJson.Decode(DeclaredParts.OnlyDeclared(i, definition))).ToDictionary(i => i.ContentItemId);
            foreach (var id in missing)
            {
                found[id] = loaded.GetValueOrDefault(id);
                cache.Set(tenant.Name, Key(version, $"item:{id}"), found[id], Lifetime);
            }
        }

        return [.. contentItemIds.Select(id => found[id]).OfType<ContentItem>()];
    }

    /// <summary>Published paths of items (their own, not contained terms').</summary>
    public async Task<IReadOnlyDictionary<string, string>> PathsAsync(IReadOnlyCollection<string> contentItemIds)
    {
        var key = "paths:" + string.Join(',', contentItemIds);
        return await GetOrAddAsync(key, async () => (IReadOnlyDictionary<string, string>)await Routes.PublishedPathsAsync(contentItemIds)) ?? new Dictionary<string, string>();
    }

    /// <summary>
    /// The items a named query returned: its ids (kept per content version), then the items through
    /// <see cref="GetManyAsync"/>. The list of items is kept too, with the version, so a warm read is one lookup
    /// instead of one per item (a GraphQL page of 50 articles); it holds the same shared instances as the item entries.
    /// </summary>
    public async Task<IReadOnlyList<ContentItem>> ListAsync(string queryKey, Func<ContentQueryFactory, Task<IReadOnlyList<ContentItem>>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // The version is read first: a list read while content changes is kept under the older version, which no later read asks for.
        var listKey = Key(versions.Current(tenant.Name), "query-items:" + queryKey);
        if (cache.TryGet<IReadOnlyList<ContentItem>>(tenant.Name, listKey, out var kept) && kept is not null)
        {
            return kept;
        }

        var ids = await GetOrAddAsync<IReadOnlyList<string>>("query:" + queryKey, async () => [.. (await query(Queries)).Select(i => i.ContentItemId)]);
        var items = await GetManyAsync(ids ?? []);
        // Sized as references: the items themselves are counted by their own entries.
        cache.Set(tenant.Name, listKey, items, Lifetime, size: 64 + (8L * items.Count));
        return items;
    }

    public async Task<int> CountAsync(string queryKey, Func<ContentQueryFactory, Task<int>> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        return (await GetOrAddAsync<object>("count:" + queryKey, async () => await count(Queries))) is int n ? n : 0;
    }

    public async Task<IReadOnlyList<string>> ValuesAsync(string contentType, string partName, string fieldName) =>
        await GetOrAddAsync<IReadOnlyList<string>>($"values:{contentType}.{partName}.{fieldName}", async () => await Queries.PublishedValuesAsync(contentType, partName, fieldName)) ?? [];

    /// <summary>Every published item of the types as id and title (filter choices, title search), ordered by title.</summary>
    public async Task<IReadOnlyList<ContentTitle>> TitlesAsync(params string[] contentTypes) =>
        await GetOrAddAsync<IReadOnlyList<ContentTitle>>($"titles:{string.Join(',', contentTypes)}", async () => await Queries.PublishedTitlesAsync(contentTypes)) ?? [];

    private async Task<T?> GetOrAddAsync<T>(string key, Func<Task<T?>> load, bool cacheMisses = true)
    {
        var full = Key(versions.Current(tenant.Name), key);
        if (cache.TryGet<T?>(tenant.Name, full, out var cached))
        {
            return cached;
        }

        var value = await load();
        if (value is not null || cacheMisses)
        {
            cache.Set(tenant.Name, full, value, Lifetime);
        }

        return value;
    }

    /// <summary>What the site shows of an item: the parts its type declares (rows saved before a type changed may hold others).</summary>
    private async Task<ContentItem?> DeclaredAsync(ContentItem? item) =>
        item is null ? null : DecodedJson.Decode(DeclaredParts.OnlyDeclared(item, await services.GetRequiredService<ContentDefinitionManager>().GetAsync()));

    private static string Key(long version, string key) => $"published:{version}:{key}";

    // The key prefix of items at a version, made once per scope and version rather than at every lookup (one
    // immutable pair, swapped whole: a scope's tasks may read it at the same time).
    private ItemKeys? _itemKeys;

    private string ItemPrefix(long version)
    {
        var keys = _itemKeys;
        if (keys is null || keys.Version != version)
        {
            _itemKeys = keys = new ItemKeys(version, Key(version, "item:"));
        }

        return keys.Prefix;
    }

    private sealed record ItemKeys(long Version, string Prefix);
}
