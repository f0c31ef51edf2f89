using MedTour.Cms.Content;
using MedTour.Cms.Content.Indexing;
using MedTour.Cms.Display;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;

namespace MedTour.Cms.Modules.Contents;

/// <summary>Public pages: a tenant's home, any published item at its path, its media files, and the 404 page.</summary>
public static class ContentEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapContents(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").WithTags("Contents").RequireFeature("Contents");
        group.MapGet("/", HomeAsync).WithName("Home");
        group.MapGet("/media/{**path}", Media).WithName("Media");
        group.MapGet("/{**path}", ItemAsync).WithName("ContentItem");
        return endpoints;
    }

    private static async Task<IResult> HomeAsync(HttpContext http, CurrentTenant tenant, ContentQueryFactory queries, PageRenderer renderer)
    {
        var articles = await queries.Query().OfType("Article")
            .WhereField("LocalizationPart", "Culture", _ => true)
            .OrderBy(x => x.PublishedUtc, descending: true)
            .ListAsync(take: 50);
        var culture = tenant.Settings.DefaultCulture;
        var model = new Dictionary<string, object?>
        {
            ["Articles"] = articles.Where(a => AutoroutePartCulture(a) is var c && (c.Length == 0 || c == culture)).Select(LiquidModel.From).ToList(),
        };
        return await renderer.RenderAsync(http, new PageModel([$"Home-{tenant.Name}", "Home"], model, tenant.Settings.DisplayName, culture));
    }

    private static async Task<IResult> ItemAsync(string path, HttpContext http, CurrentTenant tenant, RouteIndex routes, ContentManager content, PageRenderer renderer)
    {
        var id = await routes.FindPublishedAsync(path.Trim('/'), tenant.Settings.DefaultCulture);
        var item = id is null ? null : await content.GetAsync(id);
        if (item is null)
        {
            return await NotFoundAsync(http, renderer);
        }

        var culture = AutoroutePartCulture(item);
        return await renderer.RenderAsync(http, new PageModel([$"Content-{item.ContentType}", "Content"], LiquidModel.From(item), item.DisplayText, culture.Length == 0 ? null : culture));
    }

    private static IResult Media(string path, AppPaths paths, CurrentTenant tenant)
    {
        var root = paths.MediaFolder(tenant.Name);
        var file = Path.GetFullPath(Path.Combine(root, path));
        if (!file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
        {
            return Results.NotFound();
        }

        var type = ContentTypes.TryGetContentType(file, out var known) ? known : "application/octet-stream";
        return Results.File(file, type, enableRangeProcessing: true);
    }

    public static Task<IResult> NotFoundAsync(HttpContext http, PageRenderer renderer) =>
        renderer.RenderAsync(http, new PageModel(["NotFound"], new Dictionary<string, object?> { ["Path"] = http.Request.Path.Value }, "Page not found"), StatusCodes.Status404NotFound);

    private static string AutoroutePartCulture(ContentItem item) => Content.Parts.AutoroutePartHandler.CultureOf(item);
}
