using System.Text.Json;
using System.Text.Json.Nodes;
using MedTour.Cms.Content;

namespace MedTour.Cms.Display;

/// <summary>
/// Turns content into plain dictionaries and lists for Liquid, so templates reach data only (never .NET
/// members): Orchard's <c>ContentItem.Content.TitlePart.Title</c> works as written.
/// </summary>
public static class LiquidModel
{
    public static Dictionary<string, object?> From(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["ContentItemId"] = item.ContentItemId,
            ["ContentItemVersionId"] = item.ContentItemVersionId,
            ["ContentType"] = item.ContentType,
            ["DisplayText"] = item.DisplayText,
            ["Published"] = item.Published,
            ["Latest"] = item.Latest,
            ["CreatedUtc"] = item.CreatedUtc,
            ["ModifiedUtc"] = item.ModifiedUtc,
            ["PublishedUtc"] = item.PublishedUtc,
            ["Owner"] = item.Owner,
            ["Author"] = item.Author,
            ["Content"] = From(item.Content),
        };
    }

    public static Dictionary<string, object?> From(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var result = new Dictionary<string, object?>(json.Count, StringComparer.Ordinal);
        foreach (var (name, value) in json)
        {
            result[name] = From(value);
        }

        return result;
    }

    private static object? From(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => From(obj),
        JsonArray array => array.Select(From).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetValue<long>(out var whole) ? whole : value.GetValue<double>(),
            _ => null,
        },
        _ => null,
    };
}
