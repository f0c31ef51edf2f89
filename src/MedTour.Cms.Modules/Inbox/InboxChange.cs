namespace MedTour.Cms.Modules.Inbox;

/// <summary>What became of an inbox action.</summary>
public enum InboxChange
{
    Done,
    /// <summary>Nothing to do (already so).</summary>
    Unchanged,
    /// <summary>Someone changed the request meanwhile, or it belongs to another coordinator: nothing was written.</summary>
    Conflict,
}
