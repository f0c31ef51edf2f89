using Fluid;
using Fluid.Values;
using MedTour.Cms.Content.Caching;
using MedTour.Cms.Display;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Contents;

/// <summary>
/// Liquid filters for content: <c>content_items</c> (ids → published items, one query), <c>item_url</c>,
/// <c>media_url</c> (turn <c>~/</c> and media paths into the site's URLs).
/// </summary>
public sealed class ContentLiquidFilters : ILiquidFilterProvider
{
    public void Register(TemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Filters.AddFilter("content_items", ContentItemsAsync);
        options.Filters.AddFilter("view", (input, arguments, context) => RenderViewAsync(input, [arguments.At(0).ToStringValue()], context));
        options.Filters.AddFilter("summary", SummaryAsync);
        options.Filters.AddFilter("cached_view", CachedViewAsync);
        options.Filters.AddFilter("item_url", ItemUrlAsync);
        options.Filters.AddFilter("media_url", (input, _, context) => new StringValue(MediaUrl(input.ToStringValue(), context)));
    }

    /// <summary>
    /// A view that is the same on every page of a site and culture (regions bar, navigation, footer): rendered once
    /// per content and tenant-registry version. It must not use page-specific values.
    /// </summary>
    private static async ValueTask<FluidValue> CachedViewAsync(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var name = arguments.At(0).ToStringValue();
        if (context.AmbientValues[PageRenderer.ServicesKey] is not IServiceProvider services)
        {
            return await RenderViewAsync(input, [name], context);
        }

        var html = await services.GetRequiredService<FragmentCache>().GetOrRenderAsync("view", name, async () => (await RenderViewAsync(input, [name], context)).ToStringValue());
        return new StringValue(html, encode: false);
    }

    /// <summary>An item's summary card, kept in the fragment cache per item version (its URL and the culture are in the key).</summary>
    private static async ValueTask<FluidValue> SummaryAsync(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var type = (await input.GetValueAsync("ContentType", context)).ToStringValue();
        var version = (await input.GetValueAsync("ContentItemVersionId", context)).ToStringValue();
        var url = (await input.GetValueAsync("Url", context)).ToStringValue();
        string[] views = [$"Content-{type}.Summary", "Content.Summary"];
        if (version.Length == 0 || context.AmbientValues[PageRenderer.ServicesKey] is not IServiceProvider services)
        {
            return await RenderViewAsync(input, views, context);
        }

        var html = await services.GetRequiredService<FragmentCache>().GetOrRenderAsync("summary", $"{version}:{url}", async () => (await RenderViewAsync(input, views, context)).ToStringValue());
        return new StringValue(html, encode: false);
    }

    /// <summary>Renders another view of the theme (or the tenant's override) with <c>Item</c> set to the input.</summary>
    private static async ValueTask<FluidValue> RenderViewAsync(FluidValue input, string[] names, TemplateContext context)
    {
        if (context.AmbientValues[PageRenderer.ServicesKey] is not IServiceProvider services)
        {
            return NilValue.Instance;
        }

        var theme = services.GetRequiredService<Tenancy.CurrentTenant>().Settings.Theme;
        var view = await services.GetRequiredService<ThemeViews>().FindAsync(services, theme, names);
        if (view is null)
        {
            return NilValue.Instance;
        }

        using var level = ViewNesting.Enter(context, names[0]);
        context.EnterChildScope();
        try
        {
            context.SetValue("Item", input);
            return new StringValue(await view.RenderAsync(context, LiquidEngine.Html), encode: false);
        }
        finally
        {
            context.ReleaseScope();
        }
    }

    private static async ValueTask<FluidValue> ContentItemsAsync(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var ids = input.Type == FluidValues.Array
            ? input.Enumerate(context).Select(v => v.ToStringValue()).Where(s => s.Length > 0).ToList()
            : [input.ToStringValue()];
        if (ids.Count == 0 || context.AmbientValues[PageRenderer.ServicesKey] is not IServiceProvider services)
        {
            return ArrayValue.Empty;
        }

        var items = await services.GetRequiredService<PublishedContent>().GetManyAsync(ids);
        var models = services.GetRequiredService<LiquidModelCache>();
        var tags = services.GetRequiredService<CacheTags>();
        var tenant = services.GetRequiredService<Tenancy.CurrentTenant>().Name;
        foreach (var item in items)
        {
            tags.Add(CacheTags.Item(tenant, item.ContentItemId));
        }

        return FluidValue.Create(items.Select(models.Of).ToList(), context.Options);
    }

    private static async ValueTask<FluidValue> ItemUrlAsync(FluidValue item, FilterArguments arguments, TemplateContext context)
    {
        var content = await item.GetValueAsync("Content", context);
        var part = await content.GetValueAsync("AutoroutePart", context);
        var path = (await part.GetValueAsync("Path", context)).ToStringValue();
        return new StringValue(PathBase(context) + "/" + path);
    }

    /// <summary>A media path (or <c>~/</c> path) as a URL of the current site; absolute URLs are kept.</summary>
    internal static string MediaUrl(string path, TemplateContext context)
    {
        if (path.StartsWith("~/", StringComparison.Ordinal))
        {
            return PathBase(context) + path[1..];
        }

        return path.StartsWith('/') || path.Contains("://", StringComparison.Ordinal) ? path : $"{PathBase(context)}/media/{path}";
    }

    private static string PathBase(TemplateContext context) => context.AmbientValues[PageRenderer.PathBaseKey] as string ?? string.Empty;
}
