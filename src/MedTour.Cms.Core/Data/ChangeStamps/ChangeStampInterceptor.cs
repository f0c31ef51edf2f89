using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MedTour.Cms.Data.ChangeStamps;

/// <summary>
/// Moves the change stamp after a save that wrote the tenant's own data outside a <see cref="UnitOfWork"/>
/// transaction (a document, a setting); inside one, <see cref="UnitOfWork"/> moves it just before commit.
/// Identity's rows (sign-in counters) and the consultation flow's rows (submissions, workflow runs, the mail outbox)
/// do not count: they hold nothing a cache keeps, and a moved stamp makes every host drop the tenant's caches, which
/// the workflow host's steps did several times per consultation. Singleton, stateless apart from a weak per-context mark.
/// </summary>
public sealed class ChangeStampInterceptor : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && WritesOwnData(context))
        {
            _pending.AddOrUpdate(context, this);
        }

        return ValueTask.FromResult(result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && _pending.Remove(context))
        {
            await TenantChangeStamp.BumpAsync(context.Database, cancellationToken);
        }

        return result;
    }

    private static bool WritesOwnData(DbContext context) =>
        context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Metadata.ClrType.Namespace is { } space && space.StartsWith("MedTour.Cms", StringComparison.Ordinal)
            && space != typeof(Consultations.SubmissionRecord).Namespace);
}
