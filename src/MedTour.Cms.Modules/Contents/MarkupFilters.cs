using Fluid;
using Fluid.Values;
using Ganss.Xss;
using MedTour.Cms.Display;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Contents;

/// <summary>
/// Orchard's <c>markdownify</c> (Markdown → sanitized HTML, written as is) and <c>sanitize_html</c> (HTML through the
/// site's sanitizer policy). Fluid's own <c>raw</c> and <c>json</c> are kept as they are.
/// </summary>
public sealed class MarkupFilters : ILiquidFilterProvider
{
    public void Register(TemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Filters.AddFilter("markdownify", (input, _, context) =>
            Service<MarkdownRenderer>(context) is { } markdown ? new StringValue(markdown.ToHtml(input.ToStringValue()), encode: false) : NilValue.Instance);
        options.Filters.AddFilter("sanitize_html", (input, _, context) =>
            Service<IHtmlSanitizer>(context) is { } sanitizer ? new StringValue(sanitizer.Sanitize(input.ToStringValue()), encode: false) : NilValue.Instance);
    }

    private static T? Service<T>(TemplateContext context) where T : class => LiquidContent.Services(context)?.GetService<T>();
}
