namespace MedTour.Cms.Modules.Workflows.Engine;

/// <summary>The catalogue of activities, by name in any casing (as Orchard reads recipes). Singleton.</summary>
public sealed class ActivityLibrary(IEnumerable<IActivity> activities)
{
    private readonly Dictionary<string, IActivity> _byName = activities.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);

    public IActivity? Find(string name) => _byName.GetValueOrDefault(name);

    public IEnumerable<IActivity> All => _byName.Values.OrderBy(a => a.Name, StringComparer.Ordinal);
}
