using MedTour.Cms.Content;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.Contents;

/// <summary>An item page being composed: modules add to its model, structured data and breadcrumbs.</summary>
public sealed class ContentPageContext(HttpContext http, ContentItem item, IReadOnlyDictionary<string, object?>? term)
{
    public HttpContext Http { get; } = http;
    public ContentItem Item { get; } = item;
    /// <summary>The term shown, when the path is a term's (the item is then its taxonomy).</summary>
    public IReadOnlyDictionary<string, object?>? Term { get; } = term;
    public Dictionary<string, object?> Model { get; } = [];
    public List<object> StructuredData { get; } = [];
    public List<(string Name, string Url)> Breadcrumbs { get; } = [];
    public string? Description { get; set; }
    public DateTime? LastModified { get; set; }

    public string ContentType => Term?["ContentType"] as string ?? Item.ContentType;

    public string Origin => $"{Http.Request.Scheme}://{Http.Request.Host}";

    /// <summary>Site-relative URL of a path on this tenant.</summary>
    public string Url(string path) => Http.Request.PathBase + "/" + path.TrimStart('/');

    public string AbsoluteUrl(string path) => Origin + Url(path);

    /// <summary>The absolute URL of the page's item (or term).</summary>
    public string PageUrl => AbsoluteUrl(Term?["Path"] as string ?? Item.FindPart("AutoroutePart")?["Path"].AsText() ?? string.Empty);

    /// <summary>Sets the trail from the site's home (the layout names it) through <paramref name="parents"/> to this page.</summary>
    public void SetBreadcrumbs(params (string Name, string Url)[] parents)
    {
        Breadcrumbs.Clear();
        Breadcrumbs.Add((Http.Request.Host.Host, AbsoluteUrl(string.Empty)));
        Breadcrumbs.AddRange(parents);
        Breadcrumbs.Add((Term?["DisplayText"] as string ?? Item.DisplayText, PageUrl));
    }
}

/// <summary>Adds what one kind of item page needs beyond the item itself (related items, schema.org data…).</summary>
public interface IContentPageComposer
{
    bool AppliesTo(string contentType);

    Task ComposeAsync(ContentPageContext context);
}
