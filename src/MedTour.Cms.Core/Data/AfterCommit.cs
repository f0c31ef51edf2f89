using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MedTour.Cms.Data;

/// <summary>
/// Runs an action once what a <see cref="DbContext"/> is writing has committed: at the commit of its open transaction,
/// or after its next <c>SaveChanges</c> when none is open; never after a rollback. For wake-ups of background loops
/// (a mail put in the outbox wakes the sender): an action must be quick and must not throw. Singleton interceptor,
/// stateless apart from a weak per-context list.
/// </summary>
public sealed class AfterCommit : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Action>> _pending = [];

    /// <summary>Runs <paramref name="action"/> after <paramref name="context"/>'s next commit (once, however often it is registered).</summary>
    public void Register(DbContext context, Action action)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(action);
        var actions = _pending.GetValue(context, _ => []);
        lock (actions)
        {
            actions.Add(action);
        }
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SavedOutsideTransaction(eventData);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SavedOutsideTransaction(eventData);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Run(eventData?.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Run(eventData?.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData?.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData?.Context);
        return Task.CompletedTask;
    }

    private void SavedOutsideTransaction(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        // Inside a transaction the rows are not visible to anyone else until it commits.
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            Run(context);
        }
    }

    private void Run(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var actions) || !_pending.Remove(context))
        {
            return;
        }

        Action[] toRun;
        lock (actions)
        {
            toRun = [.. actions];
        }

        foreach (var action in toRun)
        {
            action();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}
