namespace MedTour.Cms.Modules.Forms;

/// <summary>
/// What a medical file is, read from its first bytes (never from its name or the browser's content type): PDF, JPEG,
/// PNG or DICOM. A file whose bytes do not match its extension is refused.
/// </summary>
public static class FileKinds
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "pdf",
        [".jpg"] = "jpeg",
        [".jpeg"] = "jpeg",
        [".png"] = "png",
        [".dcm"] = "dicom",
    };

    /// <summary>The kind the extension promises, or null for an extension no medical file has here.</summary>
    public static string? OfExtension(string fileName) =>
        ByExtension.TryGetValue(Path.GetExtension(fileName), out var kind) ? kind : null;

    /// <summary>The kind the bytes show, or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return "pdf";
        }

        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return "jpeg";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "png";
        }

        // DICOM Part 10: a 128-byte preamble, then "DICM".
        return head.Length >= 132 && head.Slice(128, 4).SequenceEqual("DICM"u8) ? "dicom" : null;
    }
}
