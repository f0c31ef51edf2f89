using MedTour.Cms.Caching;
using MedTour.Cms.Data;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Seo;

/// <summary>
/// Where every published version of a localization set lives across the running regional sites (tenants with a
/// region), for <c>hreflang</c> and sitemap alternates: one version per hreflang. Cached per set; a change to an
/// item of the set drops that set, a change to any tenant drops them all. Singleton.
/// </summary>
public sealed class LocalizationSetDirectory(TenantRegistry registry, TenantScopeFactory scopes, IMemoryCache cache) : ITenantObserver
{
    private long _generation;

    public async Task<IReadOnlyList<LocalizedVersion>> FindAsync(string localizationSet)
    {
        var key = Key(localizationSet);
        if (cache.TryGetValue(key, out IReadOnlyList<LocalizedVersion>? cached) && cached is not null)
        {
            return cached;
        }

        var versions = new List<LocalizedVersion>();
        var regions = registry.All
            .Where(t => t.State == TenantState.Running && t.Region is not null && t.IsFeatureEnabled("Contents"))
            .OrderBy(t => t.CreatedUtc).ThenBy(t => t.Name, StringComparer.Ordinal);
        foreach (var tenant in regions)
        {
            await using var scope = scopes.CreateScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var found = await (from l in db.Localizations
                               join r in db.Routes on l.ContentItemId equals r.ContentItemId
                               where l.LocalizationSet == localizationSet && r.ForPublished && r.ContainedContentItemId == null
                               orderby l.ContentItemId, r.Path
                               select new { l.Culture, r.Path }).ToListAsync();
            versions.AddRange(found.Select(f => new LocalizedVersion(tenant.Name, f.Culture, Hreflang(tenant, f.Culture), f.Path)));
        }

        // Two versions may not share an hreflang: the first (oldest region, first item) keeps it.
        IReadOnlyList<LocalizedVersion> unique = [.. versions.DistinctBy(v => v.Hreflang)];
        cache.Set(key, unique, new MemoryCacheEntryOptions { Size = 200 + CacheSize.Of(unique), SlidingExpiration = TimeSpan.FromHours(1) });
        return unique;
    }

    /// <summary>The absolute URL of a version, as linked from the current request.</summary>
    public string UrlOf(LocalizedVersion version, HttpRequest request, TenantSettings current)
    {
        ArgumentNullException.ThrowIfNull(version);
        var target = registry.Find(version.Tenant) ?? current;
        return TenantUrls.BaseUrl(request, current, target) + "/" + version.Path;
    }

    public void Forget(string localizationSet) => cache.Remove(Key(localizationSet));

    public Task TenantChangedAsync(string tenantName)
    {
        Interlocked.Increment(ref _generation);
        return Task.CompletedTask;
    }

    /// <summary>The language, plus the region's country when it has one (<c>uk-UA</c>, <c>en-US</c>; Europe: <c>en</c>).</summary>
    public static string Hreflang(TenantSettings tenant, string culture) =>
        tenant.Region?.CountryCode is { Length: 2 } country ? $"{culture}-{country.ToUpperInvariant()}" : culture;

    private (string, long, string) Key(string set) => ("localization-set", Interlocked.Read(ref _generation), set);
}

/// <param name="Path">The item's path on its site, e.g. <c>ru/metastazy-v-pecheni</c>.</param>
public sealed record LocalizedVersion(string Tenant, string Culture, string Hreflang, string Path);
