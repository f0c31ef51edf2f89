using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.Email;

/// <summary>
/// Claims due outbox rows in one statement: marks them held until a lease ends and returns their ids. On PostgreSQL the
/// candidates are locked with <c>FOR UPDATE SKIP LOCKED</c>, so two senders never claim the same row and neither waits
/// for the other; SQLite has one writer at a time, so the same UPDATE is already exclusive there. A row is due when its
/// next attempt is at or before <c>dueBy</c>; a claim is free when its lease ended before <c>now</c>.
/// </summary>
internal static class OutboxClaims
{
    public static async Task<List<long>> ClaimAsync(Data.CmsDbContext db, DateTime dueBy, DateTime now, DateTime until, int batch, CancellationToken cancellationToken)
    {
        var lockClause = db.Database.IsNpgsql() ? " FOR UPDATE SKIP LOCKED" : string.Empty;
        var sql = $$"""
            UPDATE "MailOutbox" SET "ClaimedUntilUtc" = {0}
            WHERE "Id" IN (SELECT "Id" FROM "MailOutbox"
                WHERE "SentUtc" IS NULL AND "DeadUtc" IS NULL AND "NextAttemptUtc" <= {1}
                  AND ("ClaimedUntilUtc" IS NULL OR "ClaimedUntilUtc" < {2})
                ORDER BY "Id" LIMIT {3}{{lockClause}})
            RETURNING "Id" AS "Value"
            """;
        return await db.Database.SqlQueryRaw<long>(sql, until, dueBy, now, batch).ToListAsync(cancellationToken);
    }
}
