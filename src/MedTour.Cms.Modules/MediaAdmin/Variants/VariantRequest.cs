using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.MediaAdmin.Variants;

/// <summary>How an image variant fits its box: inside it keeping the ratio (never enlarged), cropped to fill it, or padded to it.</summary>
public enum VariantMode
{
    Max,
    Crop,
    Pad,
}

/// <summary>
/// <c>?width=&amp;height=&amp;mode=</c> of a media URL, checked against the configured sizes. Crop and pad need both
/// dimensions. <see cref="Key"/> names the variant's file in the cache.
/// </summary>
public sealed record VariantRequest(int? Width, int? Height, VariantMode Mode)
{
    public string Key => $"{Width?.ToString(CultureInfo.InvariantCulture) ?? "auto"}x{Height?.ToString(CultureInfo.InvariantCulture) ?? "auto"}-{Mode.ToString().ToLowerInvariant()}";

    public static bool IsRequested(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.ContainsKey("width") || query.ContainsKey("height") || query.ContainsKey("mode");
    }

    /// <summary>The request, or the field and the reason it is refused.</summary>
    public static (VariantRequest? Request, string? Field, string? Error) Parse(IQueryCollection query, IReadOnlyList<int> sizes)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(sizes);
        var allowed = string.Join(", ", sizes);
        if (!TryParseSize(query, "width", sizes, out var width))
        {
            return (null, "width", $"width must be one of {allowed}.");
        }

        if (!TryParseSize(query, "height", sizes, out var height))
        {
            return (null, "height", $"height must be one of {allowed}.");
        }

        if (width is null && height is null)
        {
            return (null, "width", "give a width or a height.");
        }

        var modeText = query["mode"].ToString();
        if (modeText.Length == 0)
        {
            modeText = "max";
        }

        if (!Enum.TryParse<VariantMode>(modeText, ignoreCase: true, out var mode) || !Enum.IsDefined(mode) || int.TryParse(modeText, out _))
        {
            return (null, "mode", "mode must be max, crop or pad.");
        }

        if (mode != VariantMode.Max && (width is null || height is null))
        {
            return (null, "mode", $"mode {modeText.ToLowerInvariant()} needs both a width and a height.");
        }

        return (new VariantRequest(width, height, mode), null, null);
    }

    private static bool TryParseSize(IQueryCollection query, string name, IReadOnlyList<int> sizes, out int? size)
    {
        size = null;
        if (!query.TryGetValue(name, out var values))
        {
            return true;
        }

        if (values.Count == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && sizes.Contains(parsed))
        {
            size = parsed;
            return true;
        }

        return false;
    }
}
