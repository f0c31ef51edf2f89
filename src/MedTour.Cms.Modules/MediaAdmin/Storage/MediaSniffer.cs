using System.Text;

namespace MedTour.Cms.Modules.MediaAdmin.Storage;

/// <summary>
/// What a file is by its first bytes (magic numbers), never by its name: an upload is accepted only when the two agree,
/// so a script renamed to <c>.jpg</c> is refused.
/// </summary>
public static class MediaSniffer
{
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static MediaKind? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(JpegMagic))
        {
            return MediaKind.Jpeg;
        }

        if (bytes.StartsWith(PngMagic))
        {
            return MediaKind.Png;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return MediaKind.Gif;
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return MediaKind.WebP;
        }

        if (bytes.StartsWith("%PDF-"u8))
        {
            return MediaKind.Pdf;
        }

        return LooksLikeSvg(bytes) ? MediaKind.Svg : null;
    }

    /// <summary>Text (UTF-8, optional BOM) whose first element is <c>&lt;svg</c>, after an XML declaration or comments.</summary>
    private static bool LooksLikeSvg(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 4096)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        if (head.Contains((byte)0))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(head);
        return text.Contains("<svg", StringComparison.Ordinal) && text.TrimStart().StartsWith('<');
    }
}
