using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MedTour.Cms.Data;

/// <summary>
/// Sets SQLite's own busy timeout on every connection EF opens. Without it a writer that finds the database locked (another
/// request's or the workflow host's transaction) gets <c>SQLITE_BUSY</c> at once, and Microsoft.Data.Sqlite retries after a
/// fixed <c>Thread.Sleep(150)</c>: under concurrent writes that added 150 ms steps to requests and background work. SQLite's
/// handler waits in 1–100 ms steps and takes the lock as soon as it is free. Singleton, stateless.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>Milliseconds: as long as a command's default timeout (30 s), after which the caller sees the error.</summary>
    public const int Milliseconds = 30_000;

    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
