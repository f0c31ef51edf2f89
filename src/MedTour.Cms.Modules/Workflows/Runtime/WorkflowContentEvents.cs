using System.Text.Json;
using MedTour.Cms.Content;
using MedTour.Cms.Data;
using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Modules.Workflows.Activities;
using MedTour.Cms.Modules.Workflows.Host;
using MedTour.Cms.Modules.Workflows.Model;

namespace MedTour.Cms.Modules.Workflows.Runtime;

/// <summary>
/// Raises ContentCreated and ContentPublished as <c>WorkflowEvents</c> rows in the content change's own transaction
/// (correlated with the item's id), and wakes the host once it commits. Only when some workflow type of the tenant
/// (any version) has that event's activity: a site without such workflows writes nothing more per change. Scoped.
/// </summary>
public sealed class WorkflowContentEvents(CmsDbContext db, UnitOfWork unitOfWork, WorkflowTypeStore types, WorkflowWake wake, TimeProvider clock) : IContentTransactionObserver
{
    public async Task ChangingAsync(ContentChange change, ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var (name, activity) = change == ContentChange.Created
            ? (ContentCreatedEvent.Event, "ContentCreatedEvent")
            : (ContentPublishedEvent.Event, "ContentPublishedEvent");
        if (!(await types.AllVersionsAsync()).Any(t => t.Activities.Exists(a => string.Equals(a.Name, activity, StringComparison.OrdinalIgnoreCase))))
        {
            return;
        }

        db.WorkflowEvents.Add(new WorkflowEventRecord
        {
            Name = name,
            CorrelationId = item.ContentItemId,
            Payload = JsonSerializer.Serialize(new { item.ContentItemId, item.ContentType, item.ContentItemVersionId }),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        await unitOfWork.AfterCommitAsync(() =>
        {
            wake.Notify();
            return Task.CompletedTask;
        });
    }
}
