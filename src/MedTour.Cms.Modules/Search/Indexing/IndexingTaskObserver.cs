using MedTour.Cms.Content.Indexing;
using MedTour.Cms.Data;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Modules.Search.Indexing;

/// <summary>
/// Writes one indexing task per changed item into the change's own transaction (so a committed change always has its
/// task, a rolled-back one never), and wakes this host's indexing service once it commits. Scoped.
/// </summary>
public sealed class IndexingTaskObserver(CmsDbContext db, UnitOfWork unitOfWork, CurrentTenant tenant, IndexingSignal signal, TimeProvider clock) : IContentIndexObserver
{
    public void Writing(IReadOnlyList<ItemVersions> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var now = clock.GetUtcNow().UtcDateTime;
        db.IndexingTasks.AddRange(items.Select(i => new IndexingTaskRecord { ContentItemId = i.ContentItemId, CreatedUtc = now }));
        var name = tenant.Name;
        // Inside the content manager's transaction this only queues the wake-up for after the commit.
        _ = unitOfWork.AfterCommitAsync(() =>
        {
            signal.Notify(name);
            return Task.CompletedTask;
        });
    }
}
