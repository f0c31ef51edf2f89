using System.Security.Claims;
using MedTour.Cms.Content;
using MedTour.Cms.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.AuditTrail.Handlers;

/// <summary>
/// Records every create, save, publish, unpublish, delete and restore of a content item. The event row is added to
/// the scope's <see cref="CmsDbContext"/> by the "-ing" hook, so the content manager's own <c>SaveChanges</c> writes
/// it in the change's transaction: the change and its record commit or roll back together (a rollback clears the
/// tracker). Ids the manager assigns inside the transaction (a new version) are copied in just before the save.
/// Recipe imports call only the "-ed" hooks and are not recorded item by item. Scoped.
/// </summary>
public sealed class AuditTrailContentHandler : IContentHandler
{
    private readonly CmsDbContext _db;
    private readonly IHttpContextAccessor _http;
    private readonly TimeProvider _clock;
    private readonly List<(AuditTrailEventRecord Record, ContentItem Item)> _pending = [];
    private readonly HashSet<string> _restoring = new(StringComparer.Ordinal);

    public AuditTrailContentHandler(CmsDbContext db, IHttpContextAccessor http, TimeProvider clock)
    {
        _db = db;
        _http = http;
        _clock = clock;
        _db.SavingChanges += (_, _) => CopyAssignedIds();
    }

    public Task CreatingAsync(ContentItem item)
    {
        Record(AuditEvents.Created, item);
        if (item.Published)
        {
            Record(AuditEvents.Published, item);
        }

        return Task.CompletedTask;
    }

    /// <summary>A restore saves through its own path; its "restored" event stands for the save.</summary>
    public Task UpdatingAsync(ContentItem item) => Recorded(_restoring.Contains(item.ContentItemId) ? null : AuditEvents.Saved, item);

    public Task PublishingAsync(ContentItem item) => Recorded(AuditEvents.Published, item);

    public Task UnpublishingAsync(ContentItem item) => Recorded(AuditEvents.Unpublished, item);

    public Task RemovingAsync(ContentItem item) => Recorded(AuditEvents.Deleted, item);

    public Task RestoringAsync(ContentItem item, string fromVersionId)
    {
        _restoring.Add(item.ContentItemId);
        Record(AuditEvents.Restored, item, fromVersionId);
        return Task.CompletedTask;
    }

    public Task RestoredAsync(ContentItem item, string fromVersionId)
    {
        _restoring.Remove(item.ContentItemId);
        return Task.CompletedTask;
    }

    private Task Recorded(string? eventName, ContentItem item)
    {
        if (eventName is not null)
        {
            Record(eventName, item);
        }

        return Task.CompletedTask;
    }

    private void Record(string eventName, ContentItem item, string? comment = null)
    {
        var request = _http.HttpContext;
        var user = request?.User is { Identity.IsAuthenticated: true } principal ? principal : null;
        var record = new AuditTrailEventRecord
        {
            EventName = eventName,
            CreatedUtc = _clock.GetUtcNow().UtcDateTime,
            UserId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = user?.Identity?.Name,
            // After the forwarded-headers middleware: the client's address when a known proxy forwarded the request.
            ClientIpAddress = request?.Connection.RemoteIpAddress?.ToString(),
            ContentType = item.ContentType,
            ContentItemId = item.ContentItemId,
            ContentItemVersionId = item.ContentItemVersionId,
            DisplayText = Cut(item.DisplayText, 512),
            Comment = comment,
        };
        _db.AuditTrailEvents.Add(record);
        _pending.Add((record, item));
    }

    /// <summary>The manager assigns a save's new version id inside the transaction, after the "-ing" hook ran.</summary>
    private void CopyAssignedIds()
    {
        _pending.RemoveAll(p => _db.Entry(p.Record).State != EntityState.Added);
        foreach (var (record, item) in _pending)
        {
            record.ContentItemVersionId = item.ContentItemVersionId;
            record.DisplayText = Cut(item.DisplayText, 512);
        }
    }

    private static string Cut(string? text, int length) => text is null ? string.Empty : text.Length <= length ? text : text[..length];
}
