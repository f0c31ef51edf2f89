namespace MedTour.Cms.Modules.Inbox;

/// <summary>The inbox's settings (<c>MedTour:Inbox</c>).</summary>
public sealed class InboxOptions
{
    /// <summary>Rows per list page.</summary>
    public int PageSize { get; set; } = 25;

    /// <summary>
    /// The condition lives only inside the encrypted fields, so filtering by it decrypts candidates: at most this many
    /// of the newest requests matching the other filters are read (the page says when the cap was reached).
    /// </summary>
    public int ConditionScanLimit { get; set; } = 2000;
}
