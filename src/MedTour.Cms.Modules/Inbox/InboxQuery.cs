using MedTour.Cms.Data;
using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Modules.Consultations.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Inbox;

/// <summary>
/// The inbox list as SQL over <c>Submissions</c>: what the viewer may see (their own requests, or all), the filters,
/// newest first, one page. The condition is encrypted, so its filter decrypts the newest candidates (capped). Scoped.
/// </summary>
public sealed class InboxQuery(CmsDbContext db, SubmissionSecrets secrets, IOptions<InboxOptions> options, RoutingSettingsStore routing, TimeProvider clock)
{
    public async Task<InboxResult> ListAsync(InboxFilter filter, InboxViewer viewer, IReadOnlyList<InboxCoordinator> coordinators, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(viewer);
        var settings = options.Value;
        var sla = await routing.GetAsync(cancellationToken);
        var time = RegionTime.Of(sla);
        var query = Visible(viewer);
        if (filter.Status is { } status)
        {
            query = query.Where(s => s.Status == status);
        }

        if (filter.From is { } from)
        {
            var start = time.StartUtc(from);
            query = query.Where(s => s.CreatedUtc >= start);
        }

        if (filter.To is { } to)
        {
            var end = time.StartUtc(to.AddDays(1));
            query = query.Where(s => s.CreatedUtc < end);
        }

        if (filter.Coordinator is { } coordinator)
        {
            query = coordinator == InboxFilter.Unassigned ? query.Where(s => s.CoordinatorId == null) : query.Where(s => s.CoordinatorId == coordinator);
        }

        var ordered = query.OrderByDescending(s => s.CreatedUtc).ThenByDescending(s => s.Id);
        var skip = (filter.Page - 1) * settings.PageSize;
        List<(SubmissionRecord Record, IReadOnlyDictionary<string, string> Fields)> page;
        int total;
        var capped = false;
        if (filter.Condition is { } condition)
        {
            var candidates = await ordered.Take(settings.ConditionScanLimit).ToListAsync(cancellationToken);
            capped = candidates.Count == settings.ConditionScanLimit;
            var matching = candidates.Select(s => (Record: s, Fields: secrets.Fields(s)))
                .Where(s => s.Fields.GetValueOrDefault("condition")?.Contains(condition, StringComparison.CurrentCultureIgnoreCase) == true)
                .ToList();
            total = matching.Count;
            page = [.. matching.Skip(skip).Take(settings.PageSize)];
        }
        else
        {
            total = await ordered.CountAsync(cancellationToken);
            page = [.. (await ordered.Skip(skip).Take(settings.PageSize).ToListAsync(cancellationToken)).Select(s => (s, secrets.Fields(s)))];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var byId = coordinators.ToDictionary(c => c.Id, StringComparer.Ordinal);
        return new InboxResult([.. page.Select(p => new InboxRow(
            p.Record.Reference, Utc(p.Record.CreatedUtc), p.Record.Status,
            p.Fields.GetValueOrDefault("name") ?? string.Empty, p.Fields.GetValueOrDefault("condition") ?? string.Empty,
            p.Record.CoordinatorId is { } id ? byId.GetValueOrDefault(id) ?? new InboxCoordinator(id, id, string.Empty, false) : null,
            SlaClock.For(p.Record, now, sla.SlaDueUtc)))], total, capped, time);
    }

    /// <summary>The request of this reference if the viewer may open it; null when missing or someone else's (both a 404).</summary>
    public async Task<SubmissionRecord?> FindAsync(string reference, InboxViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (string.IsNullOrEmpty(reference) || reference.Length > 32)
        {
            return null;
        }

        return await Visible(viewer).FirstOrDefaultAsync(s => s.Reference == reference, cancellationToken);
    }

    private IQueryable<SubmissionRecord> Visible(InboxViewer viewer)
    {
        var query = db.Submissions.AsNoTracking();
        if (viewer.SeesAll)
        {
            return query;
        }

        var own = viewer.CoordinatorId;
        return own is null ? query.Where(_ => false) : query.Where(s => s.CoordinatorId == own);
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
