using MedTour.Cms.Data;
using MedTour.Cms.Modules.Search.Lucene;
using MedTour.Cms.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Search.Indexing;

/// <summary>
/// Deletes the indexing tasks that every known consumer has applied. Each host records its cursor in
/// <see cref="SearchCursors"/>; tasks up to the slowest cursor seen within <see cref="SearchOptions.ConsumerExpiry"/> go,
/// and at most <see cref="SearchOptions.MaxKeptTasks"/> are kept whatever a slow consumer needs (it then rebuilds, as a
/// consumer that finds its cursor below <see cref="SearchCursors.PrunedThrough"/> does). Singleton.
/// </summary>
public sealed class IndexingTaskPruner(SearchIndexStore store, TenantScopeFactory scopes, IOptions<SearchOptions> options, TimeProvider clock)
{
    /// <summary>Records this host's cursor and prunes; returns the number of tasks deleted.</summary>
    public async Task<int> PruneAsync(TenantSettings tenant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var indexes = store.Tenant(tenant.Name);
        var live = tenant.Cultures.Select(c => indexes.Find(c)).OfType<SearchIndex>().ToList();
        if (live.Count == 0 || !indexes.NeedsRebuild.IsEmpty || indexes.Progress.Running)
        {
            return 0;
        }

        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var cursor = live.Min(i => i.Cursor);
        await using var scope = scopes.CreateScope(tenant);
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CmsDbContext>();
        var documents = services.GetRequiredService<DocumentStore>();
        var unitOfWork = services.GetRequiredService<UnitOfWork>();
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var cursors = await documents.GetAsync<SearchCursors>(SearchCursors.DocumentName, cancellationToken) ?? new SearchCursors();
        if (cursor < cursors.PrunedThrough)
        {
            // Tasks this index had not applied are gone (it was stopped longer than others kept them): rebuild it.
            foreach (var index in live)
            {
                indexes.NeedsRebuild[index.Culture] = $"tasks up to {cursors.PrunedThrough} were pruned; this index was at {cursor}";
            }

            return 0;
        }

        cursors.Consumers[indexes.ConsumerId] = new ConsumerCursor(cursor, now);
        foreach (var gone in cursors.Consumers.Where(c => now - c.Value.SeenUtc > settings.ConsumerExpiry).Select(c => c.Key).ToList())
        {
            cursors.Consumers.Remove(gone);
        }

        var slowest = cursors.Consumers.Values.Min(c => c.Cursor);
        var newest = await db.IndexingTasks.MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
        // The newest task always stays: a rebuild starts from the highest id, which must not fall back to 0.
        var through = Math.Min(Math.Max(slowest, newest - settings.MaxKeptTasks), newest - 1);
        var deleted = through > cursors.PrunedThrough
            ? await db.IndexingTasks.Where(t => t.Id <= through).ExecuteDeleteAsync(cancellationToken)
            : 0;
        cursors.PrunedThrough = Math.Max(cursors.PrunedThrough, through);
        await documents.SaveAsync(SearchCursors.DocumentName, cursors, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}
