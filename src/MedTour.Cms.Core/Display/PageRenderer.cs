using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fluid;
using Fluid.Values;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace MedTour.Cms.Display;

/// <summary>
/// Renders a view inside the theme's Layout for the current request, with SEO metadata, ETag/Last-Modified and
/// output-cache tags. Scoped; a fresh TemplateContext per render carries the request's services, site and culture.
/// </summary>
public sealed class PageRenderer(
    LiquidEngine liquid,
    ThemeViews views,
    CurrentTenant tenant,
    PageCulture culture,
    CacheTags cacheTags,
    SiteModelBuilder siteModel,
    TenantRegistry registry,
    Data.TenantCache cache,
    FragmentCache fragments,
    IServiceProvider services)
{
    public const string ServicesKey = "Services";
    public const string PathBaseKey = "PathBase";
    public const string ThemeKey = "Theme";

    public async Task<IResult> RenderAsync(HttpContext http, PageModel page, int statusCode = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(page);
        var theme = tenant.Settings.Theme;
        var view = await views.FindAsync(services, theme, page.ViewNames)
            ?? throw new InvalidOperationException($"Theme {theme} has none of the views {string.Join(", ", page.ViewNames)}.");
        var context = NewContext(http, page);
        var body = page.BodyCacheKey is { } key
            ? await fragments.GetOrRenderAsync("body:" + string.Join('|', page.ViewNames), key, async () => await view.RenderAsync(context, LiquidEngine.Html))
            : await view.RenderAsync(context, LiquidEngine.Html);
        context.SetValue("Body", new StringValue(body, encode: false));
        var layout = await views.FindAsync(services, theme, ["Layout"]);
        var html = layout is null ? body : await layout.RenderAsync(context, LiquidEngine.Html);

        cacheTags.Add(CacheTags.Tenant(tenant.Name));
        cacheTags.Add(CacheTags.AllPages);
        if (http.Features.Get<IOutputCacheFeature>() is { } outputCache)
        {
            outputCache.Context.Tags.UnionWith(cacheTags.All);
        }

        var bytes = Encoding.UTF8.GetBytes(html);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12)) + "\"");
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = page.LastModified is { } modified ? new DateTimeOffset(DateTime.SpecifyKind(modified, DateTimeKind.Utc)) : null;
        http.Response.Headers.ContentLanguage = culture.Name;
        // Revalidate every time (a cheap 304 by ETag): without it a browser's heuristic freshness, from Last-Modified,
        // would show a page from before a publish or a template change. At the start of the response, so that a
        // policy set by anything else (antiforgery's no-store on a page with a form) wins.
        http.Response.OnStarting(() =>
        {
            if (string.IsNullOrEmpty(http.Response.Headers.CacheControl))
            {
                http.Response.Headers.CacheControl = "no-cache";
            }

            return Task.CompletedTask;
        });

        if (statusCode == StatusCodes.Status200OK && http.Request.GetTypedHeaders().IfNoneMatch.Any(e => e.Compare(etag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(bytes, "text/html; charset=utf-8").WithStatus(statusCode);
    }

    private TemplateContext NewContext(HttpContext http, PageModel page)
    {
        var context = liquid.NewContext();
        context.AmbientValues[ServicesKey] = services;
        context.AmbientValues[PathBaseKey] = http.Request.PathBase.Value ?? string.Empty;
        context.AmbientValues[ThemeKey] = tenant.Settings.Theme;
        context.CultureInfo = CultureInfo.GetCultureInfo(culture.Name);
        var site = siteModel.Build(http, page.LanguageLinks);
        var baseUrl = (string)site["BaseUrl"]!;
        context.SetValue("Model", page.Model);
        context.SetValue("Site", site);
        context.SetValue("Culture", culture.Name);
        context.SetValue("Page", new Dictionary<string, object?>
        {
            ["Title"] = page.Title,
            ["Description"] = page.Description,
            ["Canonical"] = Absolute(baseUrl, page.Canonical ?? http.Request.PathBase + culture.Prefix + http.Request.Path),
            ["ContentCulture"] = page.ContentCulture is { } c && c != culture.Name ? c : null,
            ["NoIndex"] = page.NoIndex,
            ["Alternates"] = page.Alternates.Select(a => new Dictionary<string, object?> { ["Hreflang"] = a.Hreflang, ["Url"] = a.Url }).ToList(),
            ["Breadcrumbs"] = page.Breadcrumbs.Select(b => new Dictionary<string, object?> { ["Name"] = b.Name, ["Url"] = b.Url }).ToList(),
        });
        context.SetValue("JsonLd", new StringValue(JsonLd(OrganizationJson(baseUrl, CacheableRequest.IsAllowed(http)), page.StructuredDataJson ?? (page.StructuredData.Count == 0 ? null : JsonSerializer.Serialize(page.StructuredData))), encode: false));
        return context;
    }

    // A site-relative URL stays on the site: a request path "//other.example/x" is a path here, not a scheme-relative URL.
    private static string Absolute(string baseUrl, string url) =>
        url.Contains("://", StringComparison.Ordinal) ? url
        : new Uri(new Uri(baseUrl), url.StartsWith("//", StringComparison.Ordinal) ? "/" + url.TrimStart('/') : url).ToString();

    /// <summary>MedTour with a contact point per phone line of this region (all regions on the region chooser).</summary>
    private Dictionary<string, object?> Organization(string baseUrl)
    {
        var regions = tenant.Settings.Region is null ? registryRegions() : [tenant.Settings];
        return new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Organization",
            ["name"] = "MedTour",
            ["url"] = baseUrl,
            ["contactPoint"] = regions.SelectMany(t => t.Region!.PhoneLines.Select(line => new Dictionary<string, object?>
            {
                ["@type"] = "ContactPoint",
                ["telephone"] = line.Dialable,
                ["contactType"] = "customer service",
                ["areaServed"] = t.Region.CountryCode ?? t.Region.Name,
                ["availableLanguage"] = t.Cultures,
                ["name"] = $"{t.Region.Name}: {line.Label}",
            })).ToList(),
        };

        IEnumerable<TenantSettings> registryRegions() => registry.All.Where(t => t.Region is not null && t.State == TenantState.Running).OrderBy(t => t.CreatedUtc);
    }

    /// <summary>The default encoder escapes &lt;, &gt; and &amp;, so the JSON cannot close its script element.</summary>
    /// <summary>One JSON-LD array: the Organization, then the page's objects (<paramref name="data"/> is a JSON array or null).</summary>
    private static string JsonLd(string organization, string? data) =>
        data is null or "[]" ? $"[{organization}]" : $"[{organization},{data[1..]}";

    /// <summary>The Organization object is the same on every page of a site: serialized once per registry version and base URL.</summary>
    private string OrganizationJson(string baseUrl, bool cacheable)
    {
        var key = $"organization:{registry.Version}:{baseUrl}";
        if (!cache.TryGet<string>(tenant.Name, key, out var json) || json is null)
        {
            json = JsonSerializer.Serialize(Organization(baseUrl));
            if (cacheable)
            {
                cache.Set(tenant.Name, key, json, TimeSpan.FromMinutes(10));
            }
        }

        return json;
    }
}

internal static class ResultStatusExtensions
{
    /// <summary>Results.Bytes has no status code parameter; pages also send 404, 400 and 500.</summary>
    public static IResult WithStatus(this IResult result, int statusCode) =>
        statusCode == StatusCodes.Status200OK ? result : new StatusResult(result, statusCode);

    private sealed class StatusResult(IResult inner, int statusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.StatusCode = statusCode;
            return inner.ExecuteAsync(httpContext);
        }
    }
}

