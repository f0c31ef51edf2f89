using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedTour.Cms.Content;

/// <summary>Converts content items to and from Orchard's JSON shape (metadata and parts side by side).</summary>
public static class ContentItemJson
{
    private static readonly HashSet<string> MetadataNames = new(StringComparer.Ordinal)
    {
        "ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published",
        "Owner", "Author", "CreatedUtc", "ModifiedUtc", "PublishedUtc", "Id",
    };

    /// <summary>Reads an item; throws <see cref="FormatException"/> naming the property that is wrong.</summary>
    public static ContentItem Read(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var contentType = String(json, "ContentType");
        if (string.IsNullOrWhiteSpace(contentType))
        {
            throw new FormatException("ContentType: expected the name of a content type.");
        }

        var item = new ContentItem
        {
            ContentType = contentType,
            ContentItemId = String(json, "ContentItemId") ?? string.Empty,
            ContentItemVersionId = String(json, "ContentItemVersionId") ?? string.Empty,
            DisplayText = String(json, "DisplayText") ?? string.Empty,
            Latest = Boolean(json, "Latest"),
            Published = Boolean(json, "Published"),
            Owner = String(json, "Owner"),
            Author = String(json, "Author"),
            CreatedUtc = Date(json, "CreatedUtc"),
            ModifiedUtc = Date(json, "ModifiedUtc"),
            PublishedUtc = Date(json, "PublishedUtc"),
        };

        foreach (var (name, value) in json)
        {
            // A part written as null is a part left out (exports and hand-written recipes have them).
            if (MetadataNames.Contains(name) || value is null)
            {
                continue;
            }

            item.Content[name] = value is JsonObject part
                ? part.DeepClone()
                : throw new FormatException($"{name}: expected a part (a JSON object), found {value?.GetValueKind().ToString() ?? "null"}.");
        }

        return item;
    }

    public static JsonObject Write(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var json = new JsonObject
        {
            ["ContentItemId"] = item.ContentItemId,
            ["ContentItemVersionId"] = item.ContentItemVersionId,
            ["ContentType"] = item.ContentType,
            ["DisplayText"] = item.DisplayText,
            ["Latest"] = item.Latest,
            ["Published"] = item.Published,
            ["ModifiedUtc"] = item.ModifiedUtc,
            ["PublishedUtc"] = item.PublishedUtc,
            ["CreatedUtc"] = item.CreatedUtc,
            ["Owner"] = item.Owner,
            ["Author"] = item.Author,
        };
        foreach (var (name, value) in item.Content)
        {
            json[name] = value?.DeepClone();
        }

        return json;
    }

    private static string? String(JsonObject json, string name) => json[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        var other => throw new FormatException($"{name}: expected a string, found {other.GetValueKind()}."),
    };

    private static bool Boolean(JsonObject json, string name) => json[name] switch
    {
        null => false,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        var other => throw new FormatException($"{name}: expected true or false, found {other.GetValueKind()}."),
    };

    private static DateTime? Date(JsonObject json, string name)
    {
        var text = String(json, name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Utc)
            : throw new FormatException($"{name}: expected an ISO 8601 date, found '{text}'.");
    }
}
