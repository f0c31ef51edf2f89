namespace MedTour.Cms.Modules.PublishLater;

/// <summary><c>MedTour:PublishLater</c>: how often every running tenant is checked for drafts that are due.</summary>
public sealed class PublishLaterOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Items published per tenant and check; the rest wait for the next check.</summary>
    public int BatchSize { get; set; } = 100;
}
