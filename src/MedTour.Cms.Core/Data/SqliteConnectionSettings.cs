using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MedTour.Cms.Data;

/// <summary>
/// Sets two SQLite pragmas on every connection EF opens (a pooled connection keeps what the last user set, so each open
/// sets both again). <c>busy_timeout</c>: without it a writer that finds the database locked gets <c>SQLITE_BUSY</c> at
/// once and Microsoft.Data.Sqlite retries after a fixed <c>Thread.Sleep(150)</c>, which stacked up between concurrent
/// submissions and the workflow host; SQLite's own handler waits in 1–100 ms steps. <c>synchronous</c> (ADR 0031): a
/// request's commit is flushed to disk before it is acknowledged (FULL); background work outside a request
/// (<see cref="CmsDbContext.OutsideRequest"/>: the workflow host, the mail sender, the CLI) commits to the WAL without its
/// own flush (NORMAL) — safe against a crash of the process, and the next request's commit flushes it too. Singleton, stateless.
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Request = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = FULL;";
    private const string Background = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = PragmasFor(eventData);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = PragmasFor(eventData);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string PragmasFor(ConnectionEndEventData eventData) =>
        eventData?.Context is CmsDbContext { OutsideRequest: true } ? Background : Request;
}
