using MedTour.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Content.Indexing;

/// <summary>Reads the route table: which item a path shows, and whether a path is free. Scoped.</summary>
public sealed class RouteIndex(CmsDbContext db)
{
    /// <summary>The published item at a path; where cultures share a path, the preferred culture wins, then the invariant one.</summary>
    public async Task<string?> FindPublishedAsync(string path, string? preferredCulture, CancellationToken cancellationToken = default)
    {
        var matches = await db.Routes.Where(r => r.Path == path && r.ForPublished)
            .Select(r => new { r.ContentItemId, r.Culture })
            .Take(8)
            .ToListAsync(cancellationToken);
        return (matches.Find(m => m.Culture == preferredCulture) ?? matches.Find(m => m.Culture.Length == 0) ?? matches.FirstOrDefault())?.ContentItemId;
    }

    public async Task<string> UniquePathAsync(string path, string culture, string contentItemId)
    {
        var taken = await db.Routes
            .Where(r => r.Culture == culture && r.ContentItemId != contentItemId && (r.Path == path || r.Path.StartsWith(path + "-")))
            .Select(r => r.Path)
            .ToListAsync();
        if (!taken.Contains(path))
        {
            return path;
        }

        var suffix = 2;
        while (taken.Contains($"{path}-{suffix}"))
        {
            suffix++;
        }

        return $"{path}-{suffix}";
    }
}
