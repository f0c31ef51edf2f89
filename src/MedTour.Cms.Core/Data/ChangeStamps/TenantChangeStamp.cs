using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MedTour.Cms.Data.ChangeStamps;

/// <summary>Moves and reads a tenant's <see cref="ChangeStampRecord"/>. On PostgreSQL a move also notifies <see cref="Channel"/> (delivered at commit).</summary>
public static class TenantChangeStamp
{
    /// <summary>The LISTEN/NOTIFY channel; the payload is the tenant's schema.</summary>
    public const string Channel = "medtour_changes";

    private const string Bump = """UPDATE "ChangeStamps" SET "Value" = "Value" + 1 WHERE "Id" = 1""";

    public static Task BumpAsync(DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.IsNpgsql()
            ? database.ExecuteSqlRawAsync($"{Bump}; SELECT pg_notify('{Channel}', current_schema())", cancellationToken)
            : database.ExecuteSqlRawAsync(Bump, cancellationToken);
    }

    /// <summary>The stamp through an open connection (one small read), or null before the table exists.</summary>
    public static async Task<long?> ReadAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Value" FROM "ChangeStamps" WHERE "Id" = 1""";
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken) is long value ? value : null;
        }
        catch (DbException)
        {
            return null;
        }
    }
}
