using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;
using Ganss.Xss;
using MedTour.Cms.Display;
using MedTour.Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.MedTour;

/// <summary>
/// The <c>shortcodes</c> filter: replaces <c>[name attr="…"]</c> in an HTML body with the theme's
/// <c>Widget-{Name}</c> view (<c>[consultation_cta]</c> → <c>Widget-ConsultationCta</c>); unknown shortcodes are left as written.
/// Its output is raw HTML, so it is sanitized with the content policy (<see cref="Content.Parts.HtmlSanitizerFactory"/>).
/// </summary>
public sealed partial class ShortcodeFilters : ILiquidFilterProvider
{
    public void Register(TemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Filters.AddFilter("shortcodes", RenderAsync);
    }

    private static async ValueTask<FluidValue> RenderAsync(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        // Resolved per render: ThemeViews needs the LiquidEngine, which is built from these filters. Without the
        // request's services (a pattern), the body is shown encoded, never raw.
        if (context.AmbientValues[PageRenderer.ServicesKey] is not IServiceProvider services)
        {
            return input;
        }

        // {{ body | shortcodes: item.ContentItemVersionId }} names the body by its version; otherwise its hash does.
        // What is kept is final: expanded, sanitized (the body and what the widgets made of it) and with "~/" resolved.
        var html = input.ToStringValue();
        var key = arguments.At(0).ToStringValue() is { Length: > 0 } version ? "v:" + version : FragmentCache.KeyOf(html);
        var rendered = await services.GetRequiredService<FragmentCache>().GetOrRenderAsync("shortcodes", key, async () =>
        {
            var expanded = html.Contains('[', StringComparison.Ordinal) ? await ExpandAsync(html, services, context) : html;
            return ResolveUrls(services.GetRequiredService<IHtmlSanitizer>().Sanitize(expanded), context);
        });
        return new StringValue(rendered, encode: false);
    }

    private static async ValueTask<string> ExpandAsync(string html, IServiceProvider services, TemplateContext context)
    {
        var views = services.GetRequiredService<ThemeViews>();
        var theme = services.GetRequiredService<CurrentTenant>().Settings.Theme;
        var result = new System.Text.StringBuilder(html.Length);
        var last = 0;
        foreach (Match match in Shortcode().Matches(html))
        {
            result.Append(html, last, match.Index - last);
            last = match.Index + match.Length;
            var name = match.Groups["name"].Value;
            var view = await views.FindAsync(services, theme, ["Widget-" + Pascal(name), "Shortcode-" + name]);
            if (view is null)
            {
                result.Append(match.Value);
                continue;
            }

            var attributes = match.Groups["attrs"].Captures.Count == 0
                ? new Dictionary<string, object?>()
                : Attribute().Matches(match.Groups["attrs"].Value).ToDictionary(a => a.Groups[1].Value, a => (object?)a.Groups[2].Value);
            using var level = ViewNesting.Enter(context, "Widget-" + Pascal(name));
            context.EnterChildScope();
            context.SetValue("Shortcode", attributes);
            result.Append(await view.RenderAsync(context, LiquidEngine.Html));
            context.ReleaseScope();
        }

        result.Append(html, last, html.Length - last);
        return result.ToString();
    }

    private static string ResolveUrls(string html, TemplateContext context) =>
        html.Replace("=\"~/", "=\"" + (context.AmbientValues[PageRenderer.PathBaseKey] as string ?? string.Empty) + "/", StringComparison.Ordinal);

    /// <summary>consultation_cta → ConsultationCta.</summary>
    private static string Pascal(string name) =>
        string.Concat(name.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    [GeneratedRegex("""\[(?<name>[a-z_]+)(?<attrs>(\s+[a-z_]+="[^"\]]*")*)\s*\]""")]
    private static partial Regex Shortcode();

    [GeneratedRegex("([a-z_]+)=\"([^\"]*)\"")]
    private static partial Regex Attribute();
}
