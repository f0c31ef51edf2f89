using System.Text;

namespace MedTour.Cms.Modules.MediaAdmin.Storage;

/// <summary>
/// Names in the library are made safe before they touch the disk: ASCII letters, digits, '.', '-' and '_' only (the
/// path then appears unchanged in URLs, in content JSON and in the usage search), no leading dot, at most 100
/// characters. A name that tries to leave its folder (<c>../</c>, a slash, a drive) is refused, not repaired.
/// </summary>
public static class MediaNames
{
    public const int MaxLength = 100;

    /// <summary>True when <paramref name="name"/> holds a path (separators or a <c>..</c> segment) rather than a name.</summary>
    public static bool IsTraversal(string name) =>
        name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Contains(':', StringComparison.Ordinal)
        || name.Trim() is "." or "..";

    /// <summary>A safe form of <paramref name="name"/> (null when nothing usable remains).</summary>
    public static string? Safe(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsControl(c))
            {
                continue;
            }

            var keep = char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_';
            var next = keep ? c : '-';
            if (next == '-' && builder.Length > 0 && builder[^1] == '-')
            {
                continue;
            }

            builder.Append(next);
        }

        var safe = builder.ToString().Trim('.', '-', ' ');
        while (safe.Contains("..", StringComparison.Ordinal))
        {
            safe = safe.Replace("..", ".", StringComparison.Ordinal);
        }

        if (safe.Length > MaxLength)
        {
            var extension = Path.GetExtension(safe);
            safe = safe[..(MaxLength - extension.Length)] + extension;
        }

        return safe.Length == 0 || safe.StartsWith('.') ? null : safe;
    }

    /// <summary>
    /// A file name: safe, with its extension in lower case, and a name (not only an extension). "Фото.JPG" becomes
    /// "file.jpg" — the library cannot keep non-ASCII names, so it keeps something rather than nothing.
    /// </summary>
    public static string? SafeFileName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var stem = Safe(Path.GetFileNameWithoutExtension(name)) ?? "file";
        var safeExtension = Safe(extension.TrimStart('.'));
        return safeExtension is null ? null : $"{stem[..Math.Min(stem.Length, MaxLength - safeExtension.Length - 1)]}.{safeExtension}";
    }

    /// <summary>
    /// A folder path relative to the library ("" is the root), split into segments, each already safe; null when a
    /// segment is not (a traversal, a character a safe name would not have).
    /// </summary>
    public static string? Folder(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return string.Empty;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.All(s => !IsTraversal(s) && Safe(s) == s) ? string.Join('/', segments) : null;
    }
}
