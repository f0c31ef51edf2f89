namespace MedTour.Cms.Display;

/// <summary>
/// Limits on a render (<c>MedTour:Liquid</c>), so a template that loops forever, a tenant's override included,
/// ends with the error page instead of holding a thread.
/// </summary>
public sealed class LiquidOptions
{
    /// <summary>Fluid statements one page may execute (the busiest page of the theme takes a few thousand).</summary>
    public int MaxSteps { get; set; } = 1_000_000;

    /// <summary>How deeply views may render views (<c>view</c>, <c>summary</c>, <c>cached_view</c>, shortcodes).</summary>
    public int MaxViewDepth { get; set; } = 16;
}
