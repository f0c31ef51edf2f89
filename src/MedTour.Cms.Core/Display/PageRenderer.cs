using System.Text;
using Fluid;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Display;

/// <summary>
/// Renders a view inside the theme's Layout for the current request. Scoped; a fresh TemplateContext per
/// render carries the request's services (for async filters), site and culture.
/// </summary>
public sealed class PageRenderer(LiquidEngine liquid, ThemeViews views, CurrentTenant tenant, TenantRegistry registry, IServiceProvider services)
{
    public const string ServicesKey = "Services";
    public const string PathBaseKey = "PathBase";

    public async Task<IResult> RenderAsync(HttpContext http, PageModel page, int statusCode = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(page);
        var theme = tenant.Settings.Theme;
        var view = views.Find(theme, [.. page.ViewNames]) ?? throw new InvalidOperationException($"Theme {theme} has none of the views {string.Join(", ", page.ViewNames)}.");
        var context = NewContext(http, page);
        var body = await view.RenderAsync(context, LiquidEngine.Html);
        context.SetValue("Body", new Fluid.Values.StringValue(body, encode: false));
        var layout = views.Find(theme, "Layout");
        var html = layout is null ? body : await layout.RenderAsync(context, LiquidEngine.Html);
        return Results.Text(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    private TemplateContext NewContext(HttpContext http, PageModel page)
    {
        var context = liquid.NewContext();
        context.AmbientValues[ServicesKey] = services;
        context.AmbientValues[PathBaseKey] = http.Request.PathBase.Value ?? string.Empty;
        context.CultureInfo = System.Globalization.CultureInfo.GetCultureInfo(page.Culture ?? tenant.Settings.DefaultCulture);
        context.SetValue("Model", page.Model);
        context.SetValue("Site", SiteModel(http));
        context.SetValue("Culture", context.CultureInfo.Name);
        context.SetValue("Title", page.Title);
        return context;
    }

    private Dictionary<string, object?> SiteModel(HttpContext http)
    {
        var current = tenant.Settings;
        var host = $"{http.Request.Scheme}://{http.Request.Host}";
        return new Dictionary<string, object?>
        {
            ["Name"] = current.Name,
            ["DisplayName"] = current.DisplayName ?? current.Name,
            ["BaseUrl"] = host + http.Request.PathBase,
            ["PathBase"] = http.Request.PathBase.Value ?? string.Empty,
            ["Cultures"] = current.Cultures,
            ["Region"] = current.Region is null ? null : RegionModel(current, host),
            ["Regions"] = registry.All
                .Where(t => t.Region is not null && t.State == TenantState.Running)
                .OrderBy(t => t.CreatedUtc).ThenBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => RegionModel(t, host))
                .ToList(),
        };
    }

    private static Dictionary<string, object?> RegionModel(TenantSettings t, string host) => new()
    {
        ["Tenant"] = t.Name,
        ["Name"] = t.Region!.Name,
        ["Url"] = $"{host}/{t.RequestUrlPrefix}".TrimEnd('/') + "/",
        ["Cultures"] = t.Cultures,
        ["PhoneLines"] = t.Region.PhoneLines.Select(p => new Dictionary<string, object?>
        {
            ["Label"] = p.Label,
            ["Number"] = p.Number,
            ["Tel"] = "tel:" + new string([.. p.Number.Where(c => char.IsDigit(c) || c == '+')]),
        }).ToList(),
    };
}

/// <summary>What a page shows: the views to try (most specific first), its model, title and culture.</summary>
public sealed record PageModel(IReadOnlyList<string> ViewNames, object? Model, string? Title = null, string? Culture = null);
