using System.Text;
using System.Xml;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Data;
using MedTour.Cms.Display;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.Seo;

/// <summary>Per-tenant <c>sitemap.xml</c> (every published page, with its other-language and other-region versions) and <c>robots.txt</c>.</summary>
public static class SeoEndpoints
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    public static IEndpointRouteBuilder MapSeo(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").WithTags("Seo");
        group.MapPage("/sitemap.xml", SitemapAsync).WithName("Sitemap");
        group.MapPage("/robots.txt", RobotsAsync).WithName("Robots");
        return endpoints;
    }

    private static async Task<IResult> SitemapAsync(HttpContext http, CmsDbContext db, CurrentTenant tenant, LocalizationSetDirectory localizations,
        ContentDefinitionManager definitions, CacheTags tags)
    {
        var siteBase = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var pages = tenant.Settings.IsFeatureEnabled("Contents")
            ? await (from r in db.Routes
                     join c in db.ContentItems on r.ContentItemId equals c.ContentItemId
                     join l in db.Localizations on r.ContentItemId equals l.ContentItemId into localization
                     from l in localization.DefaultIfEmpty()
                     where r.ForPublished && c.Published
                     orderby r.Path
                     select new { r.Path, r.ContainedContentItemId, c.ModifiedUtc, Set = l == null ? null : l.LocalizationSet }).ToListAsync()
            : [];

        tags.Add(CacheTags.Tenant(tenant.Name));
        foreach (var type in (await definitions.GetAsync()).ContentTypeDefinitionRecords)
        {
            tags.Add(CacheTags.Type(tenant.Name, type.Name));
        }

        var builder = new StringBuilder();
        await using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Async = true, Indent = true, Encoding = Encoding.UTF8 }))
        {
            await xml.WriteStartDocumentAsync();
            xml.WriteStartElement("urlset", SitemapNamespace);
            xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            Url(xml, siteBase + "/", null, []);
            foreach (var page in pages)
            {
                var alternates = page.Set is null || page.ContainedContentItemId is not null ? [] : await localizations.FindAsync(page.Set);
                if (page.Set is not null)
                {
                    tags.Add(CacheTags.LocalizationSet(page.Set));
                }

                Url(xml, siteBase + "/" + page.Path, page.ModifiedUtc, alternates.Count > 1 ? [.. alternates.Select(a => (a.Hreflang, localizations.UrlOf(a, http.Request, tenant.Settings)))] : []);
            }

            await xml.WriteEndElementAsync();
        }

        AttachTags(http, tags);
        return Results.Text(builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "application/xml; charset=utf-8", Encoding.UTF8);
    }

    private static void Url(XmlWriter xml, string location, DateTime? modified, List<(string Hreflang, string Url)> alternates)
    {
        xml.WriteStartElement("url", SitemapNamespace);
        xml.WriteElementString("loc", SitemapNamespace, location);
        if (modified is { } date)
        {
            xml.WriteElementString("lastmod", SitemapNamespace, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var (hreflang, url) in alternates)
        {
            xml.WriteStartElement("xhtml", "link", XhtmlNamespace);
            xml.WriteAttributeString("rel", "alternate");
            xml.WriteAttributeString("hreflang", hreflang);
            xml.WriteAttributeString("href", url);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>Crawlers read robots.txt at the host's root only, so the Default tenant lists the sitemaps of the regions under it.</summary>
    /// <remarks>The site's settings (admin: Settings) may close the site to crawlers and add rules of their own.</remarks>
    private static async Task<IResult> RobotsAsync(HttpContext http, CurrentTenant tenant, TenantRegistry registry, CacheTags tags, Settings.SiteSettingsStore settings)
    {
        var robots = (await settings.GetAsync())[SettingsAdmin.SiteSettingsNames.Robots];
        var allow = robots?[SettingsAdmin.SiteSettingsNames.AllowIndexing] is not System.Text.Json.Nodes.JsonValue value || !value.TryGetValue<bool>(out var allowed) || allowed;
        var text = new StringBuilder(allow ? "User-agent: *\nAllow: /\n" : "User-agent: *\nDisallow: /\n");
        if (robots?[SettingsAdmin.SiteSettingsNames.ExtraRules] is System.Text.Json.Nodes.JsonValue extra && extra.TryGetValue<string>(out var rules) && rules.Length > 0)
        {
            text.Append(rules.ReplaceLineEndings("\n").TrimEnd('\n')).Append('\n');
        }

        text.Append("Sitemap: ").Append(TenantUrls.BaseUrl(http.Request, tenant.Settings, tenant.Settings)).Append("/sitemap.xml\n");
        if (tenant.Settings.IsDefault)
        {
            foreach (var region in registry.All.Where(t => !t.IsDefault && t.State == TenantState.Running && !string.IsNullOrEmpty(t.RequestUrlPrefix)).OrderBy(t => t.CreatedUtc))
            {
                text.Append("Sitemap: ").Append(TenantUrls.BaseUrl(http.Request, tenant.Settings, region)).Append("/sitemap.xml\n");
            }
        }

        tags.Add(CacheTags.Tenant(tenant.Name));
        AttachTags(http, tags);
        return Results.Text(text.ToString(), "text/plain; charset=utf-8");
    }

    private static void AttachTags(HttpContext http, CacheTags tags)
    {
        if (http.Features.Get<IOutputCacheFeature>() is { } feature)
        {
            feature.Context.Tags.UnionWith(tags.All);
        }
    }
}
