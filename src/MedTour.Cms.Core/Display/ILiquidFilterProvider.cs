using Fluid;

namespace MedTour.Cms.Display;

/// <summary>A module's Liquid filters, added once to the shared template options at start-up.</summary>
public interface ILiquidFilterProvider
{
    void Register(TemplateOptions options);
}
