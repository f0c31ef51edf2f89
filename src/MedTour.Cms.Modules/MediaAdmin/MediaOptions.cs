namespace MedTour.Cms.Modules.MediaAdmin;

/// <summary>
/// Configuration section <c>MedTour:Media</c>: upload limits and the image sizes the public variant endpoint makes.
/// Only <see cref="Sizes"/> are accepted as <c>width</c>/<c>height</c>, so a visitor cannot fill the disk or the memory
/// with arbitrary variants: at most (sizes + 1)² × modes variants per image.
/// </summary>
public sealed class MediaOptions
{
    public const string Section = "MedTour:Media";

    /// <summary>Largest accepted file, in bytes (default 10 MB).</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest accepted upload request (all files together), in bytes (default 64 MB).</summary>
    public long MaxRequestBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Widths and heights (pixels) a variant may have; the theme's <c>srcset</c> uses the widths up to the image's own.</summary>
    public IReadOnlyList<int> Sizes { get; set; } = [64, 128, 180, 320, 540, 640, 960, 1280, 1920];

    /// <summary>Largest image (in pixels, width × height) that is decoded to make a variant; a larger one is refused.</summary>
    public long MaxSourcePixels { get; set; } = 40_000_000;

    /// <summary>Variants made at the same time (each holds a decoded image in memory).</summary>
    public int MaxConcurrentGenerations { get; set; } = 2;
}
