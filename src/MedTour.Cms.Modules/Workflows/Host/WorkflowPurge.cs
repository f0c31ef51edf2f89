using MedTour.Cms.Data;
using MedTour.Cms.Modules.Workflows.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Workflows.Host;

/// <summary>
/// Deletes the tenant's finished instances and handled events older than the retention period, a batch per statement
/// with a pause between batches, so a large purge never holds the database (SQLite's one writer) long. Faulted and
/// halted instances are kept. Scoped.
/// </summary>
public sealed class WorkflowPurge(CmsDbContext db, IOptions<Engine.WorkflowOptions> options, TimeProvider clock)
{
    /// <summary>Purges everything older than the retention period; returns the number of instances deleted.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var before = clock.GetUtcNow().UtcDateTime - o.RetentionPeriod;
        var deleted = 0;
        int batch;
        do
        {
            batch = await db.Database.ExecuteSqlRawAsync("""
                DELETE FROM "WorkflowInstances" WHERE "Id" IN (SELECT "Id" FROM "WorkflowInstances"
                    WHERE "Status" = {0} AND "ModifiedUtc" < {1} ORDER BY "Id" LIMIT {2})
                """, [nameof(WorkflowStatus.Finished), before, o.PurgeBatchSize], cancellationToken);
            deleted += batch;
            await Task.Delay(batch == o.PurgeBatchSize ? 20 : 0, cancellationToken);
        }
        while (batch == o.PurgeBatchSize);

        do
        {
            batch = await db.Database.ExecuteSqlRawAsync("""
                DELETE FROM "WorkflowEvents" WHERE "Id" IN (SELECT "Id" FROM "WorkflowEvents"
                    WHERE "ProcessedUtc" IS NOT NULL AND "ProcessedUtc" < {0} ORDER BY "Id" LIMIT {1})
                """, [before, o.PurgeBatchSize], cancellationToken);
            await Task.Delay(batch == o.PurgeBatchSize ? 20 : 0, cancellationToken);
        }
        while (batch == o.PurgeBatchSize);

        return deleted;
    }
}
