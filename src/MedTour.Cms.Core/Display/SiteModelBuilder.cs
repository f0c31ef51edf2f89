using System.Globalization;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Display;

/// <summary>The <c>Site</c> object every view sees: names, URLs, cultures and the regions with their phone lines. Scoped.</summary>
public sealed class SiteModelBuilder(CurrentTenant tenant, TenantRegistry registry, PageCulture culture, Data.TenantCache cache)
{
    public Dictionary<string, object?> Build(HttpContext http, IReadOnlyDictionary<string, string>? languageLinks)
    {
        ArgumentNullException.ThrowIfNull(http);
        var current = tenant.Settings;
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        var pathBase = http.Request.PathBase.Value ?? string.Empty;
        var cultureBase = pathBase + culture.Prefix;
        return new Dictionary<string, object?>
        {
            ["Name"] = current.Name,
            ["DisplayName"] = current.DisplayName ?? current.Name,
            ["Origin"] = origin,
            ["BaseUrl"] = origin + pathBase + "/",
            ["PathBase"] = pathBase,
            ["CultureBase"] = cultureBase,
            ["Home"] = cultureBase + "/",
            ["Culture"] = culture.Name,
            ["Cultures"] = current.Cultures.Select(c => new Dictionary<string, object?>
            {
                ["Name"] = c,
                ["Label"] = Label(c),
                ["Current"] = c == culture.Name,
                ["Url"] = languageLinks?.GetValueOrDefault(c) ?? SamePageIn(http, current, c),
            }).ToList(),
            ["Region"] = current.Region is null ? null : RegionModel(current, http),
            ["Regions"] = Regions(http),
        };
    }

    /// <summary>Every region with its phone lines, as linked from this host and path base; the same for every page, so built once per registry version.</summary>
    private List<Dictionary<string, object?>> Regions(HttpContext http)
    {
        var key = $"regions:{registry.Version}:{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        if (!cache.TryGet<List<Dictionary<string, object?>>>(tenant.Name, key, out var regions) || regions is null)
        {
            regions = [.. registry.All
                .Where(t => t.Region is not null && t.State == TenantState.Running)
                .OrderBy(t => t.CreatedUtc).ThenBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => RegionModel(t, http))];
            if (CacheableRequest.IsAllowed(http))
            {
                cache.Set(tenant.Name, key, regions, TimeSpan.FromMinutes(10));
            }
        }

        return regions;
    }

    private static string SamePageIn(HttpContext http, TenantSettings tenant, string target)
    {
        var prefix = target == tenant.DefaultCulture ? string.Empty : "/" + target;
        // Same filters, but the first page: the other language's list has its own length (page 5 may not exist there).
        var query = QueryString.Create(http.Request.Query
            .Where(p => !string.Equals(p.Key, "page", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v))));
        return http.Request.PathBase + prefix + http.Request.Path + query;
    }

    private static string Label(string culture)
    {
        var native = CultureInfo.GetCultureInfo(culture).NativeName;
        return native.Length == 0 ? culture : char.ToUpper(native[0], CultureInfo.GetCultureInfo(culture)) + native[1..];
    }

    private Dictionary<string, object?> RegionModel(TenantSettings t, HttpContext http) => new()
    {
        ["Tenant"] = t.Name,
        ["Name"] = t.Region!.Name,
        ["Current"] = t.Name == tenant.Name,
        ["Url"] = TenantUrls.BaseUrl(http.Request, tenant.Settings, t) + "/",
        ["Cultures"] = t.Cultures,
        ["PhoneLines"] = t.Region.PhoneLines.Select(p => new Dictionary<string, object?>
        {
            ["Label"] = p.Label,
            ["Number"] = p.Number,
            ["Tel"] = "tel:" + p.Dialable,
        }).ToList(),
    };
}
