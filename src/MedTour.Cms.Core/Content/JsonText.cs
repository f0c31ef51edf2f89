using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedTour.Cms.Content;

/// <summary>
/// Reading text out of stored content that is valid JSON but not the expected shape (a number where a string
/// belongs, an array, null): <c>GetValue&lt;string&gt;()</c> would throw and turn a public page into a 500.
/// </summary>
public static class JsonText
{
    /// <summary>A string as it is, a number or boolean as its JSON text, anything else null.</summary>
    public static string? AsText(this JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
            _ => null,
        }
        : null;
}
