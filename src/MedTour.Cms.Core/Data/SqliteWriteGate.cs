using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MedTour.Cms.Data;

/// <summary>
/// Queues this process's writers of one SQLite file in line, first come first served, before SQLite's own lock
/// (ADR 0050). SQLite lets one writer in at a time and makes the others poll: its busy handler sleeps 1, 2, 5 … up to
/// 100 ms between tries, so under a burst of consultation posts the lock stood idle while every waiter slept, and a
/// background writer could lose every race until its busy timeout. Here a writer waits on a semaphore that the previous
/// writer releases the moment it commits. Gated: every EF transaction (Microsoft.Data.Sqlite begins them
/// <c>IMMEDIATE</c>, taking the write lock at once) and every INSERT/UPDATE/DELETE outside one, until it ends. Other
/// processes (the CLI) still meet SQLite's lock and its <c>busy_timeout</c>; a writer that waits here longer than
/// <see cref="MaxWait"/> goes on ungated, as before this gate. One per factory (singleton), one semaphore per file.
/// </summary>
public sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    /// <summary>As long as SQLite's own busy timeout (30 s): beyond it the write would have failed anyway.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<DbContext, StrongBox<SemaphoreSlim?>> _held = [];

    /// <summary>Drops the semaphore of a file whose tenant was removed.</summary>
    public void Forget(string file) => _gates.TryRemove(file, out _);

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(eventData?.Context, connection);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData?.Context, connection, cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData?.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        LeaveAsync(eventData?.Context);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData?.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        LeaveAsync(eventData?.Context);

    // A failed BEGIN holds nothing; after a failed COMMIT, SQLite's own lock keeps order until the transaction is disposed.
    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(eventData?.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        LeaveAsync(eventData?.Context);

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (IsLoneWrite(command))
        {
            Enter(eventData?.Context, command.Connection);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (IsLoneWrite(command))
        {
            await EnterAsync(eventData?.Context, command.Connection, cancellationToken);
        }

        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (IsLoneWrite(command))
        {
            Enter(eventData?.Context, command.Connection);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (IsLoneWrite(command))
        {
            await EnterAsync(eventData?.Context, command.Connection, cancellationToken);
        }

        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveLoneWrite(command, eventData?.Context);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LeaveLoneWrite(command, eventData?.Context);
        return ValueTask.FromResult(result);
    }

    // A statement that returns rows (INSERT … RETURNING) writes until its reader is done.
    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveLoneWrite(command, eventData?.Context);
        return result;
    }

    public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveLoneWrite(command, eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        LeaveLoneWrite(command, eventData?.Context);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveLoneWrite(command, eventData?.Context);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveLoneWrite(command, eventData?.Context);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => LeaveLoneWrite(command, eventData?.Context);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveLoneWrite(command, eventData?.Context);
        return Task.CompletedTask;
    }

    // Whatever ended without a commit or rollback (a transaction disposed on an exception) ends with its connection.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(eventData?.Context);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => LeaveAsync(eventData?.Context);

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Leave(eventData?.Context);

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData) => LeaveAsync(eventData?.Context);

    private static bool IsLoneWrite(DbCommand command)
    {
        if (command.Transaction is not null)
        {
            return false;
        }

        var text = command.CommandText.AsSpan().TrimStart();
        return text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase) || text.StartsWith("REPLACE", StringComparison.OrdinalIgnoreCase);
    }

    private void LeaveLoneWrite(DbCommand command, DbContext? context)
    {
        if (command.Transaction is null)
        {
            Leave(context);
        }
    }

    private void Enter(DbContext? context, DbConnection? connection)
    {
        if (Claim(context, connection) is not { } gate)
        {
            return;
        }

        var acquired = false;
        try
        {
            acquired = gate.Wait(MaxWait);
        }
        finally
        {
            if (!acquired)
            {
                Release(context!, gate, acquired: false);
            }
        }
    }

    private async ValueTask EnterAsync(DbContext? context, DbConnection? connection, CancellationToken cancellationToken)
    {
        if (Claim(context, connection) is not { } gate)
        {
            return;
        }

        var acquired = false;
        try
        {
            acquired = await gate.WaitAsync(MaxWait, cancellationToken);
        }
        finally
        {
            if (!acquired)
            {
                Release(context!, gate, acquired: false);
            }
        }
    }

    /// <summary>The semaphore this context must now wait for, or null when it holds one already (or has no file).</summary>
    private SemaphoreSlim? Claim(DbContext? context, DbConnection? connection)
    {
        if (context is null || connection?.DataSource is not { Length: > 0 } file)
        {
            return null;
        }

        var held = _held.GetValue(context, _ => new StrongBox<SemaphoreSlim?>());
        if (held.Value is not null)
        {
            return null;
        }

        var gate = _gates.GetOrAdd(file, _ => new SemaphoreSlim(1, 1));
        held.Value = gate;
        return gate;
    }

    private void Leave(DbContext? context)
    {
        if (context is not null && _held.TryGetValue(context, out var held) && held.Value is { } gate)
        {
            Release(context, gate, acquired: true);
        }
    }

    private Task LeaveAsync(DbContext? context)
    {
        Leave(context);
        return Task.CompletedTask;
    }

    private void Release(DbContext context, SemaphoreSlim gate, bool acquired)
    {
        if (_held.TryGetValue(context, out var held) && ReferenceEquals(held.Value, gate))
        {
            held.Value = null;
            if (acquired)
            {
                gate.Release();
            }
        }
    }
}
