using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MedTour.Cms.Data;

/// <summary>
/// Moves the concurrency token of every changed content version, so the UPDATE or DELETE matches only the row
/// the writer read: a concurrent writer's save fails instead of silently undoing the other's.
/// </summary>
internal static class RowVersions
{
    public static void Move(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<ContentItemRecord>())
        {
            if (entry.State == Microsoft.EntityFrameworkCore.EntityState.Modified)
            {
                entry.Entity.RowVersion++;
            }
        }
    }
}
