using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedTour.Cms.Content.Caching;

/// <summary>
/// Prepares an item's JSON for the published-content cache, where many requests read it: a parsed
/// <see cref="JsonNode"/> keeps its values as UTF-8 text and decodes a string again at every read (an allocation and
/// a transcoding each time a page or a GraphQL field reads it). Decoded once here, every read returns the same
/// string. Also builds every object's property table now, before the item is shared between threads.
/// </summary>
public static class DecodedJson
{
    public static ContentItem Decode(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Decode(item.Content);
        return item;
    }

    private static void Decode(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                List<KeyValuePair<string, JsonNode?>>? strings = null;
                foreach (var property in obj)
                {
                    if (ParsedString(property.Value) is { } text)
                    {
                        (strings ??= []).Add(new(property.Key, JsonValue.Create(text)));
                    }
                    else
                    {
                        Decode(property.Value);
                    }
                }

                // Replacing a property keeps its place in the object (and so the order it is written in).
                foreach (var (name, value) in strings ?? [])
                {
                    obj[name] = value;
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (ParsedString(array[i]) is { } text)
                    {
                        array[i] = JsonValue.Create(text);
                    }
                    else
                    {
                        Decode(array[i]);
                    }
                }

                break;
        }
    }

    // A string still held as the parsed document's text (a value made in code is decoded already).
    private static string? ParsedString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.TryGetValue<JsonElement>(out var element)
            ? element.GetString()
            : null;
}
