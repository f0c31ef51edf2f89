using MedTour.Cms.Data.Consultations;

namespace MedTour.Cms.Modules.Inbox;

/// <summary>Everything the request page shows, decrypted (the page encodes it like any text); choices by their labels.</summary>
public sealed record InboxRequestView(
    SubmissionRecord Submission,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<InboxFile> Files,
    IReadOnlyList<InboxHistoryEntry> History,
    InboxCoordinator? Coordinator,
    SlaClock Sla,
    IReadOnlyList<string> NextStatuses,
    IReadOnlyList<InboxCoordinator> Colleagues,
    InboxViewer Viewer,
    IReadOnlySet<string> TickedBoxes,
    RegionTime Time);

public sealed record InboxFile(long Id, string Name, string Kind, long Length);

public sealed record InboxHistoryEntry(DateTime AtUtc, string Kind, string Actor, string? Coordinator, string? Value, string? Rule, string? Note);
