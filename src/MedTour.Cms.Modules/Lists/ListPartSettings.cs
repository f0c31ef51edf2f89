using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MedTour.Cms.Content.Definitions;

namespace MedTour.Cms.Modules.Lists;

/// <summary>
/// Orchard's <c>ListPartSettings</c> on a type's ListPart: <c>PageSize</c> (10), <c>ContainedContentTypes</c> (any when
/// empty) and <c>EnableOrdering</c> (by <c>ContainedPart.Order</c>; else newest first). Odd values fall back to the defaults.
/// </summary>
public sealed record ListPartSettings(int PageSize, IReadOnlyList<string> ContainedContentTypes, bool EnableOrdering)
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 100;

    public static ListPartSettings From(ContentTypePartDefinition typePart)
    {
        ArgumentNullException.ThrowIfNull(typePart);
        var settings = typePart.Settings["ListPartSettings"] as JsonObject;
        var pageSize = Number(settings?["PageSize"]) is { } size and > 0 ? Math.Min(size, MaxPageSize) : DefaultPageSize;
        var types = settings?["ContainedContentTypes"] is JsonArray array
            ? [.. array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var t) ? t : null).OfType<string>()]
            : new List<string>();
        var ordering = settings?["EnableOrdering"] is JsonValue flag && (flag.GetValueKind() == JsonValueKind.True
            || (flag.TryGetValue<string>(out var text) && bool.TryParse(text, out var parsed) && parsed));
        return new ListPartSettings(pageSize, types, ordering);
    }

    /// <summary>A number, or a number written as a string (Orchard's older flat settings).</summary>
    private static int? Number(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) => n,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };
}
