namespace MedTour.Cms.Modules.Inbox;

/// <summary>A request's life: new → contacted → scheduled → closed, or spam. Closed and spam are final.</summary>
public static class InboxStatuses
{
    public const string New = "new";
    public const string Contacted = "contacted";
    public const string Scheduled = "scheduled";
    public const string Closed = "closed";
    public const string Spam = "spam";

    public static IReadOnlyList<string> All { get; } = [New, Contacted, Scheduled, Closed, Spam];

    private static readonly Dictionary<string, string[]> Next = new(StringComparer.Ordinal)
    {
        [New] = [Contacted, Spam],
        [Contacted] = [Scheduled, Closed, Spam],
        [Scheduled] = [Closed],
        [Closed] = [],
        [Spam] = [],
    };

    /// <summary>The statuses a request in <paramref name="status"/> may move to.</summary>
    public static IReadOnlyList<string> From(string status) => Next.GetValueOrDefault(status) ?? [];

    public static bool CanMove(string from, string to) => From(from).Contains(to, StringComparer.Ordinal);

    /// <summary>Closed and spam requests have no SLA clock and no further transitions.</summary>
    public static bool IsOpen(string status) => status is New or Contacted or Scheduled;
}
