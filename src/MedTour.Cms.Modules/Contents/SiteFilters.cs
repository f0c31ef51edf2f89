using System.Globalization;
using Fluid;
using Fluid.Values;
using MedTour.Cms.Display;
using MedTour.Cms.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Contents;

/// <summary>
/// Orchard's <c>local</c> (a UTC date, or "now", in the site's time zone: the settings' <c>TimeZoneId</c>, UTC when
/// unset or unknown) and <c>absolute_url</c> (<c>~/x</c>, <c>/x</c> or <c>x</c> as an absolute URL of the request's
/// origin; <c>~/</c> and bare paths are under the tenant's path base).
/// </summary>
public sealed class SiteFilters : ILiquidFilterProvider
{
    public const string TimeZoneSetting = "TimeZoneId";

    public void Register(TemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Filters.AddFilter("local", LocalAsync);
        options.Filters.AddFilter("absolute_url", (input, _, context) => new StringValue(AbsoluteUrl(input.ToStringValue(), context)));
    }

    private static async ValueTask<FluidValue> LocalAsync(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (Date(input, context) is not { } utc)
        {
            return NilValue.Instance;
        }

        var zone = LiquidContent.Services(context)?.GetService<SiteSettingsStore>() is { } settings
            && (await settings.GetAsync())[TimeZoneSetting] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var id)
            && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
        return new DateTimeValue(TimeZoneInfo.ConvertTime(utc, zone));
    }

    private static DateTimeOffset? Date(FluidValue input, TemplateContext context)
    {
        if (input.Type == FluidValues.DateTime && input.ToObjectValue() is DateTimeOffset date)
        {
            return date;
        }

        var text = input.ToStringValue();
        if (text is "now" or "today")
        {
            return context.Now?.Invoke() ?? DateTimeOffset.UtcNow;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
    }

    private static string AbsoluteUrl(string url, TemplateContext context)
    {
        if (url.Contains("://", StringComparison.Ordinal)
            || LiquidContent.Services(context)?.GetService<IHttpContextAccessor>()?.HttpContext?.Request is not { } request)
        {
            return url;
        }

        var origin = $"{request.Scheme}://{request.Host}";
        return url switch
        {
            _ when url.StartsWith("~/", StringComparison.Ordinal) => origin + request.PathBase + url[1..],
            _ when url.StartsWith('/') => origin + url,
            _ => origin + request.PathBase + "/" + url,
        };
    }
}
