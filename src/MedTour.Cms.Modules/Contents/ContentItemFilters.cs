using Fluid;
using Fluid.Values;
using MedTour.Cms.Display;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Contents;

/// <summary>
/// Orchard's content filters: <c>display_text</c>, <c>display_url</c>, <c>container</c> (the item's ListPart
/// container, from its ContainedPart) and <c>content_item_id</c> (an item by id). They work in views and in
/// autoroute patterns (<c>{{ ContentItem | container | display_url }}/{{ ContentItem | display_text | slugify }}</c>).
/// </summary>
public sealed class ContentItemFilters : ILiquidFilterProvider
{
    public void Register(TemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Filters.AddFilter("display_text", (input, _, context) => LiquidContent.GetAsync(input, context, "DisplayText"));
        options.Filters.AddFilter("display_url", DisplayUrlAsync);
        options.Filters.AddFilter("container", ContainerAsync);
        options.Filters.AddFilter("content_item_id", ContentItemIdAsync);
    }

    private static async ValueTask<FluidValue> ContentItemIdAsync(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var model = await LiquidContent.LoadAsync(input.ToStringValue(), context);
        return model is null ? NilValue.Instance : FluidValue.Create(model, context.Options);
    }

    private static async ValueTask<FluidValue> ContainerAsync(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var containerId = await LiquidContent.GetAsync(input, context, "Content", "ContainedPart", "ListContentItemId");
        var model = containerId.Type == FluidValues.String ? await LiquidContent.LoadAsync(containerId.ToStringValue(), context) : null;
        return model is null ? NilValue.Instance : FluidValue.Create(model, context.Options);
    }

    /// <summary>
    /// The item's URL under the site (the tenant's path base and the item's path); the home page's item links to the
    /// home. A string is taken as a URL already (<c>~/</c> resolved). In a pattern the path base is empty: "/blog".
    /// </summary>
    private static async ValueTask<FluidValue> DisplayUrlAsync(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var pathBase = LiquidContent.PathBase(context);
        if (input.Type == FluidValues.String)
        {
            var url = input.ToStringValue();
            return new StringValue(url.StartsWith("~/", StringComparison.Ordinal) ? pathBase + url[1..] : url);
        }

        var id = await LiquidContent.GetAsync(input, context, "ContentItemId");
        if (id.IsNil())
        {
            return NilValue.Instance;
        }

        if (!LiquidContent.InPattern(context) && LiquidContent.Services(context) is { } services
            && await services.GetRequiredService<HomeRoute>().ContentItemIdAsync() == id.ToStringValue())
        {
            return new StringValue(pathBase + "/");
        }

        var path = (await LiquidContent.GetAsync(input, context, "Content", "AutoroutePart", "Path")).ToStringValue().Trim('/');
        return path.Length > 0 ? new StringValue(pathBase + "/" + path) : NilValue.Instance;
    }
}
