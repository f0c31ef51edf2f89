using MedTour.Cms.Data;
using MedTour.Cms.Modules.Search.Lucene;
using MedTour.Cms.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.SearchAdmin;

/// <summary>Reads <see cref="SearchStatus"/> for the current tenant from this host's open indexes and the task table. Scoped.</summary>
public sealed class SearchStatusReader(SearchIndexStore store, CurrentTenant tenant, CmsDbContext db, TimeProvider clock)
{
    public async Task<SearchStatus> ReadAsync(CancellationToken cancellationToken = default)
    {
        var indexes = store.Tenant(tenant.Name);
        var now = clock.GetUtcNow().UtcDateTime;
        var list = new List<SearchIndexStatus>();
        foreach (var culture in tenant.Settings.Cultures)
        {
            var index = store.Index(indexes, culture);
            var cursor = index.Cursor;
            var pending = db.IndexingTasks.AsNoTracking().Where(t => t.Id > cursor);
            var lagTasks = await pending.LongCountAsync(cancellationToken);
            var oldest = lagTasks == 0 ? null : await pending.OrderBy(t => t.Id).Select(t => (DateTime?)t.CreatedUtc).FirstOrDefaultAsync(cancellationToken);
            var lagSeconds = oldest is { } created ? Math.Max(0, (now - created).TotalSeconds) : 0;
            list.Add(new SearchIndexStatus(culture, index.DocumentCount(), cursor, index.LastAppliedUtc, lagTasks, Math.Round(lagSeconds, 1),
                indexes.NeedsRebuild.GetValueOrDefault(culture)));
        }

        var progress = indexes.Progress;
        return new SearchStatus(list, progress.Running, progress.Done, progress.Total, progress.Percent, progress.FinishedUtc);
    }
}
