using System.Collections.Concurrent;
using Fluid;
using Fluid.Values;
using MedTour.Cms.Display;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace MedTour.Cms.Modules.Site;

/// <summary>
/// A theme's static files (<c>themes/{Theme}/wwwroot</c>) at <c>/themes/{Theme}/…</c> under every tenant, and the
/// <c>asset_url</c> filter that fingerprints them (<c>?v=hash</c>) so they can be cached for a year. Singleton.
/// </summary>
public sealed class ThemeAssets(AppPaths paths) : ILiquidFilterProvider
{
    private readonly ConcurrentDictionary<string, string> _fingerprints = new(StringComparer.Ordinal);

    public void Register(TemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Filters.AddFilter("asset_url", (input, _, context) =>
        {
            var services = context.AmbientValues[PageRenderer.ServicesKey] as IServiceProvider;
            var theme = services?.GetRequiredService<CurrentTenant>().Settings.Theme ?? "MedTour";
            var path = input.ToStringValue().TrimStart('/');
            if (!ThemePaths.IsSafe(path))
            {
                return new StringValue(string.Empty);
            }

            var pathBase = context.AmbientValues[PageRenderer.PathBaseKey] as string ?? string.Empty;
            return new StringValue($"{pathBase}/themes/{theme}/{path}?v={Fingerprint(theme, path)}");
        });
    }

    public string Fingerprint(string theme, string path) => !ThemePaths.IsSafe(path) ? "missing" : _fingerprints.GetOrAdd($"{theme}/{path}", _ => FileFingerprint.Of(Path.Combine(paths.Themes, theme, "wwwroot", path)));

    public void UseIn(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!Directory.Exists(paths.Themes))
        {
            return;
        }

        foreach (var theme in Directory.EnumerateDirectories(paths.Themes).Where(d => Directory.Exists(Path.Combine(d, "wwwroot"))))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(Path.Combine(theme, "wwwroot")),
                RequestPath = "/themes/" + Path.GetFileName(theme),
                OnPrepareResponse = file =>
                {
                    file.Context.Response.Headers[HeaderNames.CacheControl] = file.Context.Request.Query.ContainsKey("v")
                        ? "public, max-age=31536000, immutable"
                        : "public, max-age=3600";
                },
            });
        }
    }
}
