using System.Collections.Concurrent;
using Fluid;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Display;

/// <summary>
/// Finds and parses Liquid views of a theme (<c>themes/{Theme}/Views/{Name}.liquid</c>). Parsed views are
/// shared by every tenant on that theme (they are immutable); per-tenant overrides come first. Singleton.
/// </summary>
public sealed class ThemeViews(AppPaths paths, LiquidEngine liquid)
{
    private readonly ConcurrentDictionary<(string Theme, string Name), IFluidTemplate?> _views = new();

    /// <summary>The first of the names that exists, or null.</summary>
    public IFluidTemplate? Find(string theme, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            var view = _views.GetOrAdd((theme, name), key => Load(key.Theme, key.Name));
            if (view is not null)
            {
                return view;
            }
        }

        return null;
    }

    private IFluidTemplate? Load(string theme, string name)
    {
        var file = Path.Combine(paths.Themes, theme, "Views", name + ".liquid");
        return File.Exists(file) ? liquid.Parse(File.ReadAllText(file), $"{theme}/Views/{name}.liquid") : null;
    }
}
