using MedTour.Cms.Modules.MediaAdmin.Storage;
using MedTour.Cms.Modules.MediaAdmin.Variants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MedTour.Cms.Modules.MediaAdmin;

/// <summary>
/// The public <c>/media/{path}</c>: a tenant's files as stored, or, with <c>?width=&amp;height=&amp;mode=</c>, an
/// image variant in one of the configured sizes, made once and then served from disk with an ETag. Anonymous, and
/// bounded: any other size is a 400, so visitors cannot make the host store or decode what they like.
/// </summary>
public static class MediaEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPage("/media/{**path}", ServeAsync).WithQuery("width", "height", "mode").RequireFeature("Contents").WithTags("Media").WithName("Media");
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(string? path, HttpContext http, MediaLibrary library, MediaVariants variants, IOptions<MediaOptions> options)
    {
        var file = library.FilePath(path);
        if (file is null)
        {
            return Results.NotFound();
        }

        var type = ContentTypes.TryGetContentType(file, out var known) ? known : "application/octet-stream";
        if (!VariantRequest.IsRequested(http.Request.Query))
        {
            return Results.File(file, type, lastModified: File.GetLastWriteTimeUtc(file), enableRangeProcessing: true);
        }

        var name = Path.GetFileName(file);
        var (request, field, error) = VariantRequest.Parse(http.Request.Query, options.Value.Sizes);
        if (request is null)
        {
            return BadRequest($"{name}: {error} ({field})");
        }

        if (MediaKind.ForExtension(Path.GetExtension(file)) is not { IsRaster: true })
        {
            return BadRequest($"{name}: width, height and mode apply to JPEG, PNG, GIF and WebP images only.");
        }

        string variant;
        try
        {
            variant = await variants.GetAsync(file, Path.Combine(library.CacheRoot, path!), request, http.RequestAborted);
        }
        catch (MediaVariantException e)
        {
            return BadRequest($"{name}: {e.Message}");
        }

        var info = new FileInfo(variant);
        http.Response.Headers.CacheControl = "public, max-age=604800";
        var tag = new EntityTagHeaderValue($"\"{info.LastWriteTimeUtc.Ticks:x}-{info.Length:x}\"");
        return Results.File(variant, type, lastModified: info.LastWriteTimeUtc, entityTag: tag);
    }

    private static IResult BadRequest(string message) => Results.Text(message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}
