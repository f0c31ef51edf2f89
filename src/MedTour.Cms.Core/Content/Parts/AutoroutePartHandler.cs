using MedTour.Cms.Content.Indexing;
using MedTour.Cms.Display;

namespace MedTour.Cms.Content.Parts;

/// <summary>
/// Checks a custom path, or makes one from the type's Liquid pattern (Orchard's AutoroutePartSettings.Pattern)
/// and keeps a generated one unique with a numeric suffix. Conflicts with a custom path are reported by the
/// route index when the item is saved. The pattern sees Orchard's <c>ContentItem</c> and <c>Model.ContentItem</c>;
/// each '/'-separated segment of its output is made a slug (Cyrillic spelled in Latin letters by the item's culture),
/// so a container's path can lead the item's. A stored path is kept: only an empty one is generated.
/// </summary>
public sealed class AutoroutePartHandler(LiquidEngine liquid, RouteIndex routes, IServiceProvider services) : IContentPartHandler
{
    private const string DefaultPattern = "{{ ContentItem.DisplayText | slugify }}";
    private const int MaxPathLength = 1024;

    public string PartName => "AutoroutePart";

    /// <summary>After the other parts: the pattern reads the title they set.</summary>
    public int Order => 100;

    public async ValueTask UpdatingAsync(PartUpdateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Part["Disabled"]?.GetValue<bool>() == true)
        {
            return;
        }

        var path = context.GetString("Path")?.Trim().Trim('/');
        if (!string.IsNullOrEmpty(path))
        {
            if (Problem(path) is { } problem)
            {
                context.Error("Path", problem);
                return;
            }

            context.Part["Path"] = path;
            return;
        }

        var pattern = context.TypePart.Settings["AutoroutePartSettings"]?["Pattern"].AsText() ?? DefaultPattern;
        var item = LiquidModel.From(context.Item);
        var model = new Dictionary<string, object?> { ["ContentItem"] = item, ["Model"] = new Dictionary<string, object?> { ["ContentItem"] = item } };
        var culture = CultureOf(context.Item);
        var generated = SlugPath(await liquid.RenderPatternAsync(pattern, model, services, culture), culture);
        if (string.IsNullOrEmpty(generated))
        {
            generated = context.Item.ContentItemId;
        }

        context.Part["Path"] = await routes.UniquePathAsync(generated, culture, context.Item.ContentItemId);
    }

    /// <summary>A slug per segment, empty segments dropped ("/Blog/My post" → "blog/my-post").</summary>
    private static string SlugPath(string rendered, string culture)
    {
        var path = string.Join('/', rendered.Split('/').Select(segment => Slug.From(segment, culture)).Where(segment => segment.Length > 0));
        return path.Length <= MaxPathLength - 8 ? path : path[..(MaxPathLength - 8)].TrimEnd('-', '/');
    }

    public static string CultureOf(ContentItem item) =>
        item.FindPart("LocalizationPart")?["Culture"].AsText() ?? string.Empty;

    /// <summary>Why a path cannot be used, or null.</summary>
    public static string? Problem(string path)
    {
        if (path.Length > MaxPathLength)
        {
            return $"a path has at most {MaxPathLength} characters.";
        }

        if (path.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            return $"'{path}' has an empty, '.' or '..' segment.";
        }

        var bad = path.FirstOrDefault(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '\\' or '?' or '#' or '%' or '<' or '>' or '"');
        return bad == default ? null : $"'{path}' contains the character '{bad}', which paths may not use.";
    }
}
