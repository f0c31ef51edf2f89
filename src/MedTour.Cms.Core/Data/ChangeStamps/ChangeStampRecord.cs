namespace MedTour.Cms.Data.ChangeStamps;

/// <summary>
/// The tenant's change stamp: one row, moved by every transaction that writes content, documents or settings,
/// so another process (a host, the CLI, a farm node) can tell that its caches of this tenant are stale.
/// </summary>
public sealed class ChangeStampRecord
{
    public const int SingleId = 1;

    public int Id { get; set; }
    public long Value { get; set; }
}
