using MedTour.Cms.Data.ChangeStamps;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace MedTour.Cms.Data;

/// <summary>
/// The scope's database transaction and the work that may only happen once it has committed (cache
/// invalidation, files, notifications). Scoped. Without an open transaction, after-commit work runs at once.
/// Each action runs on its own: the change has committed whatever they do, so one that fails is logged and the
/// others still run.
/// </summary>
public sealed class UnitOfWork(CmsDbContext db, ILogger<UnitOfWork> logger)
{
    private readonly List<Func<Task>> _afterCommit = [];
    private readonly List<Action> _afterRollback = [];

    public bool InTransaction => db.Database.CurrentTransaction is not null;

    public async Task<Transaction> BeginAsync(CancellationToken cancellationToken = default) =>
        new(this, await db.Database.BeginTransactionAsync(cancellationToken));

    public async Task AfterCommitAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (InTransaction)
        {
            _afterCommit.Add(action);
        }
        else
        {
            await RunAsync(action);
        }
    }

    /// <summary>Undo for in-memory state that a rolled-back transaction leaves wrong.</summary>
    public void AfterRollback(Action action)
    {
        if (InTransaction)
        {
            _afterRollback.Add(action);
        }
    }

    public sealed class Transaction(UnitOfWork owner, IDbContextTransaction transaction) : IAsyncDisposable
    {
        private bool _done;

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            // Last write before commit: other processes see the stamp move exactly when they can see the data.
            await owner.MoveChangeStampAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            _done = true;
            var actions = owner._afterCommit.ToArray();
            owner._afterCommit.Clear();
            owner._afterRollback.Clear();
            foreach (var action in actions)
            {
                await owner.RunAsync(action);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_done)
            {
                owner._afterCommit.Clear();
                foreach (var undo in owner._afterRollback)
                {
                    undo();
                }

                owner._afterRollback.Clear();
                owner.ResetTracking();
            }

            await transaction.DisposeAsync();
        }
    }

    private void ResetTracking() => db.ChangeTracker.Clear();

    private Task MoveChangeStampAsync(CancellationToken cancellationToken) => TenantChangeStamp.BumpAsync(db.Database, cancellationToken);

    private async Task RunAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Work after a commit failed; the change itself was saved: {Message}", e.Message);
        }
    }
}
