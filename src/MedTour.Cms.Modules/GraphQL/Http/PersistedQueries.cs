using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Graph;

/// <summary>
/// Apollo's automatic persisted queries: documents registered by hash, per tenant, in a memory cache of their own with
/// a size limit (a client whose hash was forgotten gets PersistedQueryNotFound and sends the document again). Not the
/// tenant cache: its entries go whenever the tenant's content changes, and a document's text never goes stale.
/// Singleton, thread-safe.
/// </summary>
public sealed class PersistedQueries(IOptions<GraphQLOptions> options) : IDisposable
{
    private readonly MemoryCache _documents = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.PersistedQueryEntries) * 4L });

    public string? Find(string tenant, string hash) => _documents.TryGetValue((tenant.ToLowerInvariant(), hash), out string? document) ? document : null;

    public void Keep(string tenant, string hash, string document) =>
        // Size in units of 4 KB (at least 1), so a flood of long documents cannot hold more memory than short ones.
        _documents.Set((tenant.ToLowerInvariant(), hash), document, new MemoryCacheEntryOptions { Size = 1 + (document.Length / 4096), SlidingExpiration = TimeSpan.FromHours(6) });

    public void Dispose() => _documents.Dispose();
}
