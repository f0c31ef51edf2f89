using Fluid;

namespace MedTour.Cms.Display;

/// <summary>
/// Counts views rendered inside views on one render (a view that renders itself would recurse until the stack
/// overflows, which ends the process): past <see cref="LiquidOptions.MaxViewDepth"/> the render fails.
/// </summary>
public static class ViewNesting
{
    internal const string DepthKey = "ViewDepth";
    internal const string LimitKey = "MaxViewDepth";

    public static Level Enter(TemplateContext context, string view)
    {
        ArgumentNullException.ThrowIfNull(context);
        var depth = (context.AmbientValues.TryGetValue(DepthKey, out var d) && d is int n ? n : 0) + 1;
        var limit = context.AmbientValues.TryGetValue(LimitKey, out var l) && l is int max ? max : new LiquidOptions().MaxViewDepth;
        if (depth > limit)
        {
            throw new LiquidLimitException($"view '{view}' is nested {depth} deep; views may render views at most {limit} deep.");
        }

        context.AmbientValues[DepthKey] = depth;
        return new Level(context);
    }

    /// <summary>Leaves the level on dispose.</summary>
    public readonly struct Level(TemplateContext context) : IDisposable
    {
        public void Dispose() => context.AmbientValues[DepthKey] = (int)context.AmbientValues[DepthKey] - 1;
    }
}
