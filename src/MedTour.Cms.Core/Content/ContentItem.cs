using System.Text.Json.Nodes;

namespace MedTour.Cms.Content;

/// <summary>
/// One version of a content item: metadata plus its parts as Orchard-shaped JSON. Not thread-safe: an
/// instance belongs to one scope; the content manager hands out fresh instances.
/// </summary>
public sealed class ContentItem
{
    public string ContentItemId { get; set; } = string.Empty;
    public string ContentItemVersionId { get; set; } = string.Empty;
    public required string ContentType { get; set; }
    public string DisplayText { get; set; } = string.Empty;
    public bool Latest { get; set; }
    public bool Published { get; set; }
    public string? Owner { get; set; }
    public string? Author { get; set; }
    public DateTime? CreatedUtc { get; set; }
    public DateTime? ModifiedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }

    /// <summary>Parts by name (<c>Content["TitlePart"]["Title"]</c>).</summary>
    public JsonObject Content { get; set; } = [];

    /// <summary>The part's JSON object, created when missing.</summary>
    public JsonObject Part(string name)
    {
        if (Content[name] is JsonObject part)
        {
            return part;
        }

        part = [];
        Content[name] = part;
        return part;
    }

    public JsonObject? FindPart(string name) => Content[name] as JsonObject;

    public ContentItem CloneVersion()
    {
        var copy = (ContentItem)MemberwiseClone();
        copy.Content = (JsonObject)Content.DeepClone();
        return copy;
    }
}
