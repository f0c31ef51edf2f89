using MedTour.Cms.Data;

namespace MedTour.Cms.Modules.Graph;

/// <summary>
/// Apollo's automatic persisted queries: documents registered by hash, kept in the tenant's bounded cache (a client
/// whose hash was forgotten gets PersistedQueryNotFound and sends the document again). Singleton.
/// </summary>
public sealed class PersistedQueries(TenantCache cache)
{
    public string? Find(string tenant, string hash) => cache.TryGet<string>(tenant, "apq:" + hash, out var document) ? document : null;

    public void Keep(string tenant, string hash, string document) =>
        cache.Set(tenant, "apq:" + hash, document, TimeSpan.FromHours(6));
}
