using MedTour.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.AuditTrail;

/// <summary>One page of audit events, newest first, and how many match. Scoped.</summary>
public sealed class AuditTrailQuery(CmsDbContext db)
{
    public async Task<(IReadOnlyList<AuditTrailEventRecord> Events, int Total)> PageAsync(AuditTrailFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.AuditTrailEvents.AsNoTracking();
        if (filter.Event is { } eventName)
        {
            query = query.Where(e => e.EventName == eventName);
        }

        if (filter.User is { } user)
        {
            query = query.Where(e => e.UserName == user);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(e => e.ContentType == type);
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.CreatedUtc >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.CreatedUtc < end);
        }

        var total = await query.CountAsync(cancellationToken);
        var events = await query.OrderByDescending(e => e.CreatedUtc).ThenByDescending(e => e.Id)
            .Skip((filter.Page - 1) * AuditTrailFilter.PageSize).Take(AuditTrailFilter.PageSize).ToListAsync(cancellationToken);
        return (events, total);
    }

    /// <summary>Every event of one item, newest first (the versions page shows them).</summary>
    public async Task<IReadOnlyList<AuditTrailEventRecord>> OfItemAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        await db.AuditTrailEvents.AsNoTracking().Where(e => e.ContentItemId == contentItemId)
            .OrderByDescending(e => e.CreatedUtc).ThenByDescending(e => e.Id).ToListAsync(cancellationToken);
}
