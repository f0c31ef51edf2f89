using MedTour.Cms.Content.Caching;
using MedTour.Cms.Data;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Seo;

/// <summary>
/// Where every published version of a localization set lives across the running regional sites (tenants with a
/// region), for <c>hreflang</c> and sitemap alternates: one version per hreflang. Each region's whole map (set →
/// culture and path) is read in one query and cached under that tenant's content version and generation, so a page
/// queries no other region; a change in a region (here or in another process) moves its version and its map is
/// read again. Singleton.
/// </summary>
public sealed class LocalizationSetDirectory(TenantRegistry registry, TenantScopeFactory scopes, TenantCache cache, ContentVersions contentVersions)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public async Task<IReadOnlyList<LocalizedVersion>> FindAsync(string localizationSet)
    {
        var versions = new List<LocalizedVersion>();
        var regions = registry.All
            .Where(t => t.State == TenantState.Running && t.Region is not null && t.IsFeatureEnabled("Contents"))
            .OrderBy(t => t.CreatedUtc).ThenBy(t => t.Name, StringComparer.Ordinal);
        foreach (var tenant in regions)
        {
            var map = await MapOfAsync(tenant);
            if (map.TryGetValue(localizationSet, out var found))
            {
                versions.AddRange(found.Select(f => new LocalizedVersion(tenant.Name, f.Culture, Hreflang(tenant, f.Culture), f.Path)));
            }
        }

        // Two versions may not share an hreflang: the first (oldest region, first item) keeps it.
        return [.. versions.DistinctBy(v => v.Hreflang)];
    }

    /// <summary>The absolute URL of a version, as linked from the current request.</summary>
    public string UrlOf(LocalizedVersion version, HttpRequest request, TenantSettings current)
    {
        ArgumentNullException.ThrowIfNull(version);
        var target = registry.Find(version.Tenant) ?? current;
        return TenantUrls.BaseUrl(request, current, target) + "/" + version.Path;
    }

    /// <summary>The language, plus the region's country when it has one (<c>uk-UA</c>, <c>en-US</c>; Europe: <c>en</c>).</summary>
    public static string Hreflang(TenantSettings tenant, string culture) =>
        tenant.Region?.CountryCode is { Length: 2 } country ? $"{culture}-{country.ToUpperInvariant()}" : culture;

    /// <summary>One region's published localized items, by set, in item then path order.</summary>
    private async Task<Dictionary<string, List<(string Culture, string Path)>>> MapOfAsync(TenantSettings tenant)
    {
        var key = $"localization-sets:{contentVersions.Current(tenant.Name)}";
        if (cache.TryGet<Dictionary<string, List<(string Culture, string Path)>>>(tenant.Name, key, out var map) && map is not null)
        {
            return map;
        }

        await using var scope = scopes.CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var rows = await (from l in db.Localizations
                          join r in db.Routes on l.ContentItemId equals r.ContentItemId
                          where r.ForPublished && r.ContainedContentItemId == null
                          orderby l.LocalizationSet, l.ContentItemId, r.Path
                          select new { l.LocalizationSet, l.Culture, r.Path }).ToListAsync();
        map = rows.GroupBy(r => r.LocalizationSet, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => (r.Culture, r.Path)).ToList(), StringComparer.Ordinal);
        cache.Set(tenant.Name, key, map, Lifetime);
        return map;
    }
}

/// <param name="Path">The item's path on its site, e.g. <c>ru/metastazy-v-pecheni</c>.</param>
public sealed record LocalizedVersion(string Tenant, string Culture, string Hreflang, string Path);
