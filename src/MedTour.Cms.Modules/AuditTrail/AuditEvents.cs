namespace MedTour.Cms.Modules.AuditTrail;

/// <summary>The names of the content events the audit trail records (stored as they are, shown translated).</summary>
public static class AuditEvents
{
    public const string Created = "created";
    public const string Saved = "saved";
    public const string Published = "published";
    public const string Unpublished = "unpublished";
    public const string Deleted = "deleted";
    public const string Restored = "restored";

    public static IReadOnlyList<string> All { get; } = [Created, Saved, Published, Unpublished, Deleted, Restored];
}
