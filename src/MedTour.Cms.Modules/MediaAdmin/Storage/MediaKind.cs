namespace MedTour.Cms.Modules.MediaAdmin.Storage;

/// <summary>A file type the library accepts: its extensions, its content type and whether variants can be made of it.</summary>
public sealed record MediaKind(string Name, string ContentType, bool IsRaster, params string[] Extensions)
{
    public static readonly MediaKind Jpeg = new("JPEG", "image/jpeg", true, ".jpg", ".jpeg");
    public static readonly MediaKind Png = new("PNG", "image/png", true, ".png");
    public static readonly MediaKind Gif = new("GIF", "image/gif", true, ".gif");
    public static readonly MediaKind WebP = new("WebP", "image/webp", true, ".webp");
    public static readonly MediaKind Svg = new("SVG", "image/svg+xml", false, ".svg");
    public static readonly MediaKind Pdf = new("PDF", "application/pdf", false, ".pdf");

    public static IReadOnlyList<MediaKind> All { get; } = [Jpeg, Png, Gif, WebP, Svg, Pdf];

    public static MediaKind? ForExtension(string extension) =>
        All.FirstOrDefault(k => k.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));
}
