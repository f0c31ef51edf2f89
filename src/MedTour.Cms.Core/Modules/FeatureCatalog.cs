namespace MedTour.Cms.Modules;

/// <summary>A feature a tenant can switch on or off; modules declare theirs at start-up.</summary>
public sealed record FeatureDescriptor(string Name, string Description);

/// <summary>All features of this host. Singleton, immutable.</summary>
public sealed class FeatureCatalog(IEnumerable<FeatureDescriptor> features)
{
    private readonly Dictionary<string, FeatureDescriptor> _byName = features.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    public bool Exists(string name) => _byName.ContainsKey(name);

    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);
}
