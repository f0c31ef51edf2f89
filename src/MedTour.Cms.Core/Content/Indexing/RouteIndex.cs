using MedTour.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Content.Indexing;

/// <summary>What a path shows: an item, or a term contained in it.</summary>
public sealed record RouteTarget(string ContentItemId, string? ContainedContentItemId);

/// <summary>Reads the route table: which item a path shows, and whether a path is free. Scoped.</summary>
public sealed class RouteIndex(CmsDbContext db)
{
    /// <summary>The published item (and contained term) at a path; where cultures share a path, the preferred culture wins, then the invariant one.</summary>
    public async Task<RouteTarget?> FindPublishedAsync(string path, string? preferredCulture, CancellationToken cancellationToken = default)
    {
        var matches = await db.Routes.Where(r => r.Path == path && r.ForPublished)
            .OrderBy(r => r.Id)
            .Select(r => new { r.ContentItemId, r.ContainedContentItemId, r.Culture })
            .Take(8)
            .ToListAsync(cancellationToken);
        var match = matches.Find(m => m.Culture == preferredCulture) ?? matches.Find(m => m.Culture.Length == 0) ?? matches.FirstOrDefault();
        return match is null ? null : new RouteTarget(match.ContentItemId, match.ContainedContentItemId);
    }

    /// <summary>Published paths of many items at once (their own paths, not contained ones).</summary>
    public async Task<Dictionary<string, string>> PublishedPathsAsync(IReadOnlyCollection<string> contentItemIds, CancellationToken cancellationToken = default) =>
        await db.Routes.Where(r => r.ForPublished && r.ContainedContentItemId == null && contentItemIds.Contains(r.ContentItemId))
            .GroupBy(r => r.ContentItemId)
            .Select(g => new { Id = g.Key, Path = g.Min(r => r.Path) })
            .ToDictionaryAsync(x => x.Id, x => x.Path!, cancellationToken);

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
