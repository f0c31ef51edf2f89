using System.Runtime.CompilerServices;
using MedTour.Cms.Content;

namespace MedTour.Cms.Display;

/// <summary>
/// The Liquid model of each cached (shared, read-only) content item, built once per item instance and dropped
/// with it. Views must not change models; a caller that adds keys copies first. Singleton, thread-safe.
/// </summary>
public sealed class LiquidModelCache
{
    private readonly ConditionalWeakTable<ContentItem, Dictionary<string, object?>> _models = [];

    public Dictionary<string, object?> Of(ContentItem item) => _models.GetValue(item, LiquidModel.From);

    /// <summary>A copy of the item's model that the caller may add keys to (Url…).</summary>
    public Dictionary<string, object?> CopyOf(ContentItem item) => new(Of(item), StringComparer.Ordinal);
}
