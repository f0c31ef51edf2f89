using Fluid;
using Fluid.Values;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Caching;
using MedTour.Cms.Display;
using MedTour.Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Contents;

/// <summary>
/// Content items as the Orchard filters (<c>container</c>, <c>content_item_id</c>, <c>display_url</c>) see them. On a
/// page: published items through <see cref="PublishedContent"/> (cached), each tagged for output-cache eviction, with
/// their <c>Url</c>. In a pattern (an item being saved): the items of the same save first, then latest versions.
/// </summary>
internal static class LiquidContent
{
    public static IServiceProvider? Services(TemplateContext context) => Ambient(context, PageRenderer.ServicesKey) as IServiceProvider;

    public static bool InPattern(TemplateContext context) => Ambient(context, LiquidEngine.PatternKey) is true;

    public static string PathBase(TemplateContext context) => Ambient(context, PageRenderer.PathBaseKey) as string ?? string.Empty;

    private static object? Ambient(TemplateContext context, string key) => context.AmbientValues.TryGetValue(key, out var value) ? value : null;

    /// <summary>The item's model, or null when there is none (or no services to read it with).</summary>
    public static async Task<Dictionary<string, object?>?> LoadAsync(string contentItemId, TemplateContext context)
    {
        if (contentItemId.Length == 0 || Services(context) is not { } services)
        {
            return null;
        }

        if (InPattern(context))
        {
            var saving = services.GetRequiredService<PendingContentItems>().Find(contentItemId)
                ?? await services.GetRequiredService<ContentReader>().GetAsync(contentItemId, VersionOptions.Latest);
            return saving is null ? null : LiquidModel.From(saving);
        }

        var item = await services.GetRequiredService<PublishedContent>().GetAsync(contentItemId);
        if (item is null)
        {
            return null;
        }

        services.GetRequiredService<CacheTags>().Add(CacheTags.Item(services.GetRequiredService<CurrentTenant>().Name, contentItemId));
        var model = services.GetRequiredService<LiquidModelCache>().CopyOf(item);
        model["Url"] = PathOf(model) is { } path ? PathBase(context) + "/" + path : null;
        return model;
    }

    /// <summary>An item model's own path (AutoroutePart.Path), without leading slash.</summary>
    public static string? PathOf(IReadOnlyDictionary<string, object?> model) =>
        model.GetValueOrDefault("Content") is IReadOnlyDictionary<string, object?> content
        && content.GetValueOrDefault("AutoroutePart") is IReadOnlyDictionary<string, object?> autoroute
        && autoroute.GetValueOrDefault("Path") is string { Length: > 0 } path ? path.Trim('/') : null;

    /// <summary>A value inside an item model given to a filter (<c>Content.ContainedPart.ListContentItemId</c>); nil when it is not an item.</summary>
    public static async ValueTask<FluidValue> GetAsync(FluidValue item, TemplateContext context, params string[] path)
    {
        if (item.Type is not (FluidValues.Dictionary or FluidValues.Object) || (await item.GetValueAsync("ContentItemId", context)).IsNil())
        {
            return NilValue.Instance;
        }

        var value = item;
        foreach (var name in path)
        {
            value = await value.GetValueAsync(name, context);
        }

        return value;
    }
}
