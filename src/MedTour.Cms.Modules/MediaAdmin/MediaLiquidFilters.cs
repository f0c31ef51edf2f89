using System.Globalization;
using System.Net;
using Fluid;
using Fluid.Values;
using MedTour.Cms.Display;
using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Modules.MediaAdmin.Storage;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.MediaAdmin;

/// <summary>
/// The theme's image filters: <c>resize_url</c> (Orchard's name: <c>{{ path | resize_url: width: 320, height: 180,
/// mode: 'crop' }}</c>; the plain URL for files without variants) and <c>media_srcset</c>
/// (<c>&lt;img src="…" {{ path | media_srcset: 960, '100vw' }}&gt;</c>: the attributes <c>srcset="url?width=320 320w, …"
/// sizes="100vw"</c> for each configured width from 320 up to the first argument, or nothing for SVG and PDF, so no
/// empty <c>srcset</c> is written). Singleton: only the immutable options are kept.
/// </summary>
public sealed class MediaLiquidFilters(IOptions<MediaOptions> mediaOptions) : ILiquidFilterProvider
{
    private const int SmallestSrcsetWidth = 320;

    public void Register(TemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Filters.AddFilter("media_srcset", Srcset);
        options.Filters.AddFilter("resize_url", ResizeUrl);
    }

    private ValueTask<FluidValue> Srcset(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var path = input.ToStringValue();
        if (!IsRaster(path))
        {
            return new StringValue(string.Empty);
        }

        var max = arguments.At(0).IsNil() ? int.MaxValue : (int)arguments.At(0).ToNumberValue();
        var sizes = arguments.At(1).IsNil() ? "100vw" : arguments.At(1).ToStringValue();
        var url = ContentLiquidFilters.MediaUrl(path, context);
        var widths = mediaOptions.Value.Sizes.Where(w => w >= SmallestSrcsetWidth && w <= max).Order().ToList();
        if (widths.Count == 0)
        {
            return new StringValue(string.Empty);
        }

        var candidates = string.Join(", ", widths.Select(w => $"{url}?width={w.ToString(CultureInfo.InvariantCulture)} {w.ToString(CultureInfo.InvariantCulture)}w"));
        return new StringValue($"srcset=\"{WebUtility.HtmlEncode(candidates)}\" sizes=\"{WebUtility.HtmlEncode(sizes)}\"", encode: false);
    }

    private static ValueTask<FluidValue> ResizeUrl(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var path = input.ToStringValue();
        var url = ContentLiquidFilters.MediaUrl(path, context);
        if (!IsRaster(path))
        {
            return new StringValue(url);
        }

        var query = new List<string>();
        foreach (var name in (string[])["width", "height", "mode"])
        {
            if (arguments[name] is { } value && !value.IsNil())
            {
                query.Add($"{name}={Uri.EscapeDataString(value.ToStringValue())}");
            }
        }

        return new StringValue(query.Count == 0 ? url : url + "?" + string.Join('&', query));
    }

    private static bool IsRaster(string path) =>
        path.Length > 0 && MediaKind.ForExtension(Path.GetExtension(path.Split('?')[0])) is { IsRaster: true };
}
