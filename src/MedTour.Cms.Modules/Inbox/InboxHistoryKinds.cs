namespace MedTour.Cms.Modules.Inbox;

/// <summary>The <c>SubmissionHistory.Kind</c> values the inbox writes (routing writes <c>assigned</c>).</summary>
public static class InboxHistoryKinds
{
    public const string Assigned = "assigned";
    public const string Reassigned = "reassigned";
    public const string Acknowledged = "acknowledged";
    public const string Status = "status";
    public const string Note = "note";
    public const string Download = "download";
}
