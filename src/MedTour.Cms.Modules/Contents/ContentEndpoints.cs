using MedTour.Cms.Content;
using MedTour.Cms.Content.Caching;
using MedTour.Cms.Display;
using MedTour.Cms.Modules.Seo;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Contents;

/// <summary>Public pages: a tenant's home, any published item (or taxonomy term) at its path, and the 404 page (media files: MediaAdmin's MediaEndpoints).</summary>
public static class ContentEndpoints
{
    /// <summary>The query parameter a form field may be prefilled from (a Form field's <c>FromQuery</c>).</summary>
    public const string FormPrefillQuery = "condition";

    public static IEndpointRouteBuilder MapContents(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").WithTags("Contents").RequireFeature("Contents");
        // The home page reads "page" only when a HomeRoute item with a ListPart is the home page.
        group.MapPage("/", HomeAsync).WithQuery("page").WithName("Home");
        // Term pages and ListPart containers are paged; form pages read the prefills their fields declare (FromQuery:
        // the article's condition); other items read no query parameter.
        group.MapPage("/{**path}", ItemAsync).WithQuery("page", FormPrefillQuery).WithName("ContentItem");
        return endpoints;
    }

    private static async Task<IResult> HomeAsync(HttpContext http, CurrentTenant tenant, PageRenderer renderer, IEnumerable<IHomePageComposer> composers, HomeRoute homeRoute)
    {
        // The site settings' HomeRoute item, once published with a path, is the home page (Orchard's HomeRoute).
        if (await homeRoute.PathAsync() is { } homePath)
        {
            var s = http.RequestServices;
            return await ItemAsync(homePath, http, s.GetRequiredService<PageCulture>(), s.GetRequiredService<PublishedContent>(), s.GetRequiredService<LiquidModelCache>(),
                renderer, s.GetRequiredService<CacheTags>(), tenant, s.GetServices<IContentPageComposer>(), s.GetRequiredService<LocalizationSetDirectory>(), s.GetRequiredService<FragmentCache>());
        }

        if (http.Request.Query.ContainsKey("page"))
        {
            PageQuery.DoNotStore(http);
        }

        var model = new Dictionary<string, object?>();
        foreach (var composer in composers)
        {
            await composer.ComposeAsync(http, model);
        }

        return await renderer.RenderAsync(http, new PageModel([$"Home-{tenant.Name}", "Home"], model)
        {
            // No page title: the layout's site title ("MedTour Europe") is the home page's whole title.
            Description = model.GetValueOrDefault("Description") as string,
            Canonical = http.Request.PathBase + http.RequestServices.GetRequiredService<PageCulture>().Prefix + "/",
        });
    }

    private static async Task<IResult> ItemAsync(string? path, HttpContext http, PageCulture culture, PublishedContent published, LiquidModelCache models,
        PageRenderer renderer, CacheTags tags, CurrentTenant tenant, IEnumerable<IContentPageComposer> composers, LocalizationSetDirectory localizations, FragmentCache fragments)
    {
        path = path?.Trim('/') ?? string.Empty;
        // A multi-culture site keeps each culture's items under its prefix ("ru/…"); try that first.
        var target = (culture.Prefix.Length > 0 ? await published.FindRouteAsync(culture.Prefix.TrimStart('/') + "/" + path, culture.Name) : null)
            ?? await published.FindRouteAsync(path, culture.Name);
        var item = target is null ? null : await published.GetAsync(target.ContentItemId);
        if (item is null)
        {
            return await NotFoundAsync(http, renderer);
        }

        if (item.FindPart("FormPart") is null && http.Request.Query.ContainsKey(FormPrefillQuery))
        {
            // Only forms read it: any other page answers as without it, and is not stored under it.
            PageQuery.DoNotStore(http);
        }
        else if (item.FindPart("FormPart") is not null)
        {
            // A form carries per-visitor tokens (antiforgery, ticket): its page is rendered for each request, never cached.
            CacheableRequest.Forbid(http);
            PageQuery.DoNotStore(http);
        }

        var term = target!.ContainedContentItemId is { } termId ? FindTerm(item, termId) : null;
        if (target.ContainedContentItemId is not null && term is null)
        {
            return await NotFoundAsync(http, renderer);
        }

        tags.Add(CacheTags.Item(tenant.Name, item.ContentItemId));
        // What the composers make depends on published content only (and the page number, for term pages and lists):
        // kept per content version, never under the raw query.
        var paged = term is not null || item.FindPart("ListPart") is not null;
        if (!paged && http.Request.Query.ContainsKey("page"))
        {
            PageQuery.DoNotStore(http);
        }

        var pageKey = $"{item.ContentItemVersionId}:{term?["ContentItemId"]}:{(paged ? Pager.Requested(http) : 0)}";
        var context = await fragments.GetOrAddAsync("page", pageKey, async () =>
        {
            var composing = new ContentPageContext(http, item, term) { LastModified = item.PublishedUtc ?? item.ModifiedUtc };
            composing.Model["ContentItem"] = models.Of(item);
            composing.Model["Term"] = term;
            foreach (var composer in composers.Where(c => c.AppliesTo(composing.ContentType)))
            {
                await composer.ComposeAsync(composing);
            }

            return new ComposedPage(composing.ContentType, composing.Model, System.Text.Json.JsonSerializer.Serialize(composing.StructuredData), composing.Breadcrumbs, composing.Description, composing.LastModified);
        });

        var set = item.FindPart("LocalizationPart")?["LocalizationSet"].AsText();
        var versions = term is null && set is not null ? await localizations.FindAsync(set) : [];
        if (set is not null)
        {
            tags.Add(CacheTags.LocalizationSet(set));
        }

        var itemCulture = Content.Parts.AutoroutePartHandler.CultureOf(item);
        var seo = item.FindPart("SeoMetaPart");
        var title = term?["DisplayText"] as string ?? item.DisplayText;
        return await renderer.RenderAsync(http, new PageModel(term is null ? [$"Content-{context.ContentType}", "Content"] : [$"Content-{context.ContentType}", "Content-Term", "Content"], context.Model)
        {
            Title = seo?["PageTitle"].AsText() is { Length: > 0 } pageTitle && term is null ? pageTitle : title,
            Description = seo?["MetaDescription"].AsText() is { Length: > 0 } description && term is null ? description : context.Description,
            Canonical = http.Request.PathBase + "/" + (term?["Path"] as string ?? item.FindPart("AutoroutePart")?["Path"].AsText()),
            ContentCulture = itemCulture.Length == 0 ? null : itemCulture,
            Alternates = Alternates(versions, http, tenant.Settings, localizations),
            LanguageLinks = versions.Where(v => v.Tenant == tenant.Name).GroupBy(v => v.Culture).ToDictionary(g => g.Key, g => http.Request.PathBase + "/" + g.First().Path),
            StructuredDataJson = context.StructuredData,
            Breadcrumbs = context.Breadcrumbs,
            LastModified = context.LastModified,
            BodyCacheKey = pageKey,
        });
    }

    private static List<(string Hreflang, string Url)> Alternates(IReadOnlyList<LocalizedVersion> versions, HttpContext http, TenantSettings current,
        LocalizationSetDirectory localizations)
    {
        if (versions.Count < 2)
        {
            return [];
        }

        var alternates = versions.Select(v => (v.Hreflang, localizations.UrlOf(v, http.Request, current))).ToList();
        if (http.RequestServices.GetRequiredService<TenantRegistry>().Find(TenantSettings.DefaultName) is { } chooser)
        {
            alternates.Add(("x-default", TenantUrls.BaseUrl(http.Request, current, chooser) + "/"));
        }

        return alternates;
    }

    private static Dictionary<string, object?>? FindTerm(ContentItem taxonomy, string termId)
    {
        var term = (taxonomy.FindPart("TaxonomyPart")?["Terms"] as System.Text.Json.Nodes.JsonArray)?
            .OfType<System.Text.Json.Nodes.JsonObject>()
            .FirstOrDefault(t => t["ContentItemId"].AsText() == termId);
        if (term is null)
        {
            return null;
        }

        var model = LiquidModel.From(term);
        model["Path"] = term["AutoroutePart"]?["Path"].AsText();
        model["TaxonomyContentItemId"] = taxonomy.ContentItemId;
        return model;
    }

    public static Task<IResult> NotFoundAsync(HttpContext http, PageRenderer renderer) =>
        renderer.RenderAsync(http, new PageModel(["NotFound"], new Dictionary<string, object?> { ["Path"] = http.Request.Path.Value }) { Title = "Page not found", NoIndex = true }, StatusCodes.Status404NotFound);

    /// <summary>What the composers made for an item page: shared between requests (never changed once made).</summary>
    private sealed record ComposedPage(string ContentType, Dictionary<string, object?> Model, string StructuredData,
        List<(string Name, string Url)> Breadcrumbs, string? Description, DateTime? LastModified);
}
