namespace MedTour.Cms.Modules.Inbox;

/// <summary>
/// Who is looking at the inbox: a user who sees every request of the tenant (<c>ViewAllConsultations</c>), and/or the
/// coordinator item they are (by e-mail). A user with neither sees nothing.
/// </summary>
public sealed record InboxViewer(string UserName, bool SeesAll, InboxCoordinator? Coordinator)
{
    public string? CoordinatorId => Coordinator?.Id;

    /// <summary>May this viewer open a request assigned to <paramref name="coordinatorId"/>?</summary>
    public bool CanSee(string? coordinatorId) => SeesAll || (coordinatorId is not null && coordinatorId == CoordinatorId);

    /// <summary>The assigned coordinator is the one who acknowledges ("I'll take it").</summary>
    public bool IsAssigned(string? coordinatorId) => coordinatorId is not null && coordinatorId == CoordinatorId;
}
