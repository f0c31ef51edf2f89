using MedTour.Cms.Data;
using MedTour.Cms.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Seo;

/// <summary>
/// Where every published version of a localization set lives, across cultures and regional tenants, for
/// <c>hreflang</c> and sitemap alternates. Reads each running tenant's index tables; cached per set and dropped
/// when an item of the set changes anywhere (<see cref="Caching.OutputCacheEvictionHandler"/>). Singleton.
/// </summary>
public sealed class LocalizationSetDirectory(TenantRegistry registry, TenantScopeFactory scopes, IMemoryCache cache)
{
    public async Task<IReadOnlyList<LocalizedVersion>> FindAsync(string localizationSet)
    {
        if (cache.TryGetValue(Key(localizationSet), out IReadOnlyList<LocalizedVersion>? cached) && cached is not null)
        {
            return cached;
        }

        var versions = new List<LocalizedVersion>();
        foreach (var tenant in registry.All.Where(t => t.State == TenantState.Running && t.IsFeatureEnabled("Contents") && !t.IsDefault))
        {
            await using var scope = scopes.CreateScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var found = await (from l in db.Localizations
                               join r in db.Routes on l.ContentItemId equals r.ContentItemId
                               where l.LocalizationSet == localizationSet && r.ForPublished && r.ContainedContentItemId == null
                               select new { l.Culture, r.Path }).ToListAsync();
            versions.AddRange(found.Select(f => new LocalizedVersion(tenant.Name, f.Culture, Hreflang(tenant, f.Culture), SitePath(tenant, f.Path))));
        }

        cache.Set(Key(localizationSet), (IReadOnlyList<LocalizedVersion>)versions, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        return versions;
    }

    public void Forget(string localizationSet) => cache.Remove(Key(localizationSet));

    /// <summary>The language, plus the region's country when it has one (<c>uk-UA</c>, <c>en-US</c>; Europe: <c>en</c>).</summary>
    public static string Hreflang(TenantSettings tenant, string culture) =>
        tenant.Region?.CountryCode is { Length: 2 } country ? $"{culture}-{country.ToUpperInvariant()}" : culture;

    private static string SitePath(TenantSettings tenant, string path) =>
        (string.IsNullOrEmpty(tenant.RequestUrlPrefix) ? string.Empty : "/" + tenant.RequestUrlPrefix) + "/" + path;

    private static (string, string) Key(string set) => ("localization-set", set);
}

/// <param name="SitePath">Path from the host root, e.g. <c>/ua/ru/metastazy-v-pecheni</c>.</param>
public sealed record LocalizedVersion(string Tenant, string Culture, string Hreflang, string SitePath);
