using System.Globalization;
using Fluid;
using Fluid.Values;
using MedTour.Cms.Display;
using MedTour.Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Localization;

/// <summary>
/// <c>t</c> translates a theme string into the page's culture (<c>{{ "Page {0} of {1}" | t: page, pages }}</c>);
/// <c>format_date</c> and <c>format_number</c> write values the way the page's culture does.
/// </summary>
public sealed class LocalizationFilters(PoCatalog catalog, LanguageNames languages) : ILiquidFilterProvider
{
    public void Register(TemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Filters.AddFilter("t", Translate);
        options.Filters.AddFilter("format_date", (input, arguments, context) =>
        {
            var format = arguments.At(0).ToStringValue() is { Length: > 0 } f ? f : "D";
            return input.ToObjectValue() switch
            {
                DateTime date => new StringValue(date.ToString(format, context.CultureInfo)),
                DateTimeOffset date => new StringValue(date.ToString(format, context.CultureInfo)),
                string text when DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var date) => new StringValue(date.ToString(format, context.CultureInfo)),
                _ => input,
            };
        });
        options.Filters.AddFilter("language_name", (input, _, context) => new StringValue(languages.Of(input.ToStringValue(), context.CultureInfo)));
        options.Filters.AddFilter("format_number", (input, arguments, context) =>
            new StringValue(input.ToNumberValue().ToString(arguments.At(0).ToStringValue() is { Length: > 0 } f ? f : "N0", context.CultureInfo)));
    }

    private ValueTask<FluidValue> Translate(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var theme = context.AmbientValues[PageRenderer.ThemeKey] as string ?? "MedTour";
        var text = catalog.Translate(theme, context.CultureInfo.TwoLetterISOLanguageName, input.ToStringValue());
        if (arguments.Count > 0)
        {
            text = string.Format(context.CultureInfo, text, [.. arguments.Values.Select(v => v.ToObjectValue())]);
        }

        return ValueTask.FromResult<FluidValue>(new StringValue(text));
    }
}
