namespace MedTour.Cms.Display;

/// <summary>
/// What a page shows, as output-cache tags, so a change evicts exactly the pages that show it. Scoped: filters
/// and handlers add to it while a page renders; <see cref="PageRenderer"/> attaches the tags to the response.
/// </summary>
public sealed class CacheTags
{
    private readonly HashSet<string> _tags = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> All => _tags;

    public void Add(string tag) => _tags.Add(tag);

    /// <summary>Every page: each shows every region's phone lines, so a change to any tenant evicts them all.</summary>
    public const string AllPages = "all";

    public static string Tenant(string tenant) => "t:" + tenant.ToLowerInvariant();

    public static string Item(string tenant, string contentItemId) => $"i:{tenant.ToLowerInvariant()}:{contentItemId}";

    public static string Type(string tenant, string contentType) => $"ty:{tenant.ToLowerInvariant()}:{contentType}";

    /// <summary>Pages in any tenant that link to a localization set's versions (hreflang).</summary>
    public static string LocalizationSet(string set) => "ls:" + set;
}
