using MedTour.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.MediaAdmin.Storage;

/// <summary>A content item (latest or published version) that mentions a media path.</summary>
public sealed record MediaUser(string ContentItemId, string ContentType, string DisplayText);

/// <summary>
/// Which content items use a file: their JSON (media fields' <c>Paths</c>, HTML bodies with <c>/media/…</c> URLs)
/// contains its library path. The database narrows with a substring match; the boundary check here drops
/// "photo.jpg" matching "my-photo.jpg". Library names are ASCII, so the JSON holds them unescaped. Scoped.
/// </summary>
public sealed class MediaUsage(CmsDbContext db)
{
    private const int Limit = 50;

    public async Task<IReadOnlyList<MediaUser>> FindAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var candidates = await db.ContentItems.AsNoTracking()
            .Where(r => (r.Latest || r.Published) && r.Data.Contains(path))
            .Select(r => new { r.ContentItemId, r.ContentType, r.DisplayText, r.Data })
            .Take(Limit * 2)
            .ToListAsync(cancellationToken);
        return candidates
            .Where(c => Mentions(c.Data, path))
            .DistinctBy(c => c.ContentItemId)
            .Take(Limit)
            .Select(c => new MediaUser(c.ContentItemId, c.ContentType, c.DisplayText))
            .ToList();
    }

    /// <summary>
    /// True when <paramref name="path"/> appears in <paramref name="data"/> as a whole library path: at the start of a
    /// JSON string (a media field's <c>Paths</c>) or after <c>media/</c> (a URL in HTML), and not followed by more name.
    /// </summary>
    public static bool Mentions(string data, string path)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(path);
        for (var at = data.IndexOf(path, StringComparison.Ordinal); at >= 0; at = data.IndexOf(path, at + 1, StringComparison.Ordinal))
        {
            var starts = (at > 0 && data[at - 1] == '"') || data.AsSpan(0, at).EndsWith("media/", StringComparison.Ordinal);
            var after = at + path.Length < data.Length ? data[at + path.Length] : '"';
            if (starts && !IsNameChar(after) && after != '/')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_';
}
