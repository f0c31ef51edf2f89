namespace MedTour.Cms.Display;

/// <summary>What a page shows: the views to try (most specific first), its model, and its SEO metadata.</summary>
public sealed record PageModel(IReadOnlyList<string> ViewNames, object? Model)
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    /// <summary>The page's own URL (absolute or site-relative); defaults to the request URL without its query.</summary>
    public string? Canonical { get; init; }
    /// <summary>Culture of the content when it differs from the page's (shown with <c>lang</c> on the content).</summary>
    public string? ContentCulture { get; init; }
    /// <summary>hreflang alternates: (hreflang, absolute URL).</summary>
    public IReadOnlyList<(string Hreflang, string Url)> Alternates { get; init; } = [];
    /// <summary>Other-culture versions of this page on the same site: culture → URL.</summary>
    public IReadOnlyDictionary<string, string>? LanguageLinks { get; init; }
    /// <summary>schema.org objects, written as one JSON-LD script.</summary>
    public IReadOnlyList<object> StructuredData { get; init; } = [];
    /// <summary>The same, already serialized (a JSON array), when the page keeps it between requests.</summary>
    public string? StructuredDataJson { get; init; }
    /// <summary>(name, URL) from the home page down to this page.</summary>
    public IReadOnlyList<(string Name, string Url)> Breadcrumbs { get; init; } = [];
    public DateTime? LastModified { get; init; }
    /// <summary>
    /// Names the view's output for the fragment cache (like Orchard's cached content shapes): set by pages whose view
    /// depends only on published content, culture and base URL. The layout is rendered at every request.
    /// </summary>
    public string? BodyCacheKey { get; init; }
    public bool NoIndex { get; init; }
}
