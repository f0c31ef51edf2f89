namespace MedTour.Cms.Modules.Inbox;

/// <summary>A Coordinator content item as the inbox needs it: its id (what <c>Submissions.CoordinatorId</c> holds), name and e-mail.</summary>
public sealed record InboxCoordinator(string Id, string Name, string Email, bool Active);
