using MedTour.Cms.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MedTour.Cms.Content;

/// <summary>
/// Turns what the database refuses while content is saved into the errors a writer can act on: a moved
/// concurrency token into <see cref="ContentConcurrencyException"/>, a path taken by a concurrent writer (the
/// unique route index) into a <see cref="ContentValidationException"/> naming the path. Anything else is a bug.
/// </summary>
internal static class ContentSaveErrors
{
    private const string RouteIndexName = "IX_Routes_Culture_Path";

    /// <summary>Runs a content change in the scope's transaction (or a new one), with the database's refusals translated.</summary>
    public static async Task InTransactionAsync(UnitOfWork unitOfWork, string contentItemId, Func<Task> work)
    {
        try
        {
            if (unitOfWork.InTransaction)
            {
                await work();
                return;
            }

            await using var transaction = await unitOfWork.BeginAsync();
            await work();
            await transaction.CommitAsync();
        }
        catch (Exception e) when (Translate(e, contentItemId) is { } translated)
        {
            throw translated;
        }
    }

    public static Exception? Translate(Exception error, string contentItemId) => error switch
    {
        DbUpdateConcurrencyException e => new ContentConcurrencyException(contentItemId, e),
        DbUpdateException e when IsRouteConflict(e) => new ContentValidationException(
        [
            new ContentValidationError("AutoroutePart.Path", $"the path {PathsOf(e)} was taken by another item while this one was being saved."),
        ]),
        // PostgreSQL refusing to serialize two writers (deadlock, serialization failure) is a concurrency conflict too.
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure } } e
            => new ContentConcurrencyException(contentItemId, e),
        _ => null,
    };

    private static bool IsRouteConflict(DbUpdateException e) => e.InnerException switch
    {
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation && p.ConstraintName == RouteIndexName,
        SqliteException s => s.SqliteErrorCode == 19 && s.Message.Contains("Routes.Culture, Routes.Path", StringComparison.Ordinal),
        _ => false,
    };

    private static string PathsOf(DbUpdateException e) =>
        string.Join(" or ", e.Entries.Select(x => x.Entity).OfType<RouteRecord>().Select(r => $"'{r.Path}'").Distinct()) is { Length: > 0 } paths ? paths : "of this item";
}
