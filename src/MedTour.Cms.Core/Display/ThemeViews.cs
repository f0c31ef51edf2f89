using System.Collections.Concurrent;
using Fluid;
using MedTour.Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Display;

/// <summary>
/// Finds and parses Liquid views: a tenant's own override first (stored in its database), then the theme's file
/// <c>themes/{Theme}/Views/{Name}.liquid</c>. Theme views are parsed once per process and shared by every
/// tenant on that theme (parsed templates are immutable). Singleton.
/// </summary>
public sealed class ThemeViews(AppPaths paths, LiquidEngine liquid)
{
    private readonly ConcurrentDictionary<(string Theme, string Name), IFluidTemplate?> _views = new();

    /// <summary>The first of the names that the tenant overrides or the theme has, or null.</summary>
    public async Task<IFluidTemplate?> FindAsync(IServiceProvider scopedServices, string theme, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var overrides = scopedServices.GetService<TemplateOverrides>();
        foreach (var name in names.Where(ThemePaths.IsSafe))
        {
            var view = (overrides is null ? null : await overrides.FindAsync(name)) ?? FromTheme(theme, name);
            if (view is not null)
            {
                return view;
            }
        }

        return null;
    }

    public IFluidTemplate? FromTheme(string theme, string name) =>
        ThemePaths.IsSafe(name) ? _views.GetOrAdd((theme, name), key => Load(key.Theme, key.Name)) : null;

    private IFluidTemplate? Load(string theme, string name)
    {
        var file = Path.Combine(paths.Themes, theme, "Views", name + ".liquid");
        return File.Exists(file) ? liquid.Parse(File.ReadAllText(file), $"{theme}/Views/{name}.liquid") : null;
    }
}
