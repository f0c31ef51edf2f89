using MedTour.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.Workflows.Host;

/// <summary>
/// Claims due rows of the workflow outboxes in one statement, as the mail outbox does: marks them held until a lease
/// ends and returns their ids. On PostgreSQL the candidates are locked with <c>FOR UPDATE SKIP LOCKED</c>, so two hosts
/// never claim the same row and neither waits for the other; SQLite has one writer, so the UPDATE is exclusive there.
/// </summary>
internal static class WorkClaims
{
    /// <summary>Unhandled <c>WorkflowEvents</c> nobody holds, oldest first; each claim counts as an attempt.</summary>
    public static Task<List<long>> EventsAsync(CmsDbContext db, DateTime now, DateTime until, int batch, CancellationToken cancellationToken) =>
        ClaimAsync(db, "WorkflowEvents", "\"ProcessedUtc\" IS NULL", ", \"Attempts\" = \"Attempts\" + 1", now, until, batch, cancellationToken);

    /// <summary>Due <c>WorkflowEffects</c> (webhooks) not done, not dead, nobody holds.</summary>
    public static Task<List<long>> EffectsAsync(CmsDbContext db, DateTime now, DateTime until, int batch, CancellationToken cancellationToken) =>
        ClaimAsync(db, "WorkflowEffects", "\"DoneUtc\" IS NULL AND \"DeadUtc\" IS NULL AND \"NextAttemptUtc\" <= {1}", string.Empty, now, until, batch, cancellationToken);

    private static async Task<List<long>> ClaimAsync(CmsDbContext db, string table, string due, string alsoSet, DateTime now, DateTime until, int batch, CancellationToken cancellationToken)
    {
        var lockClause = db.Database.IsNpgsql() ? " FOR UPDATE SKIP LOCKED" : string.Empty;
        var sql = $$"""
            UPDATE "{{table}}" SET "ClaimedUntilUtc" = {0}{{alsoSet}}
            WHERE "Id" IN (SELECT "Id" FROM "{{table}}"
                WHERE {{due}} AND ("ClaimedUntilUtc" IS NULL OR "ClaimedUntilUtc" < {1})
                ORDER BY "Id" LIMIT {2}{{lockClause}})
            RETURNING "Id" AS "Value"
            """;
        return await db.Database.SqlQueryRaw<long>(sql, until, now, batch).ToListAsync(cancellationToken);
    }
}
