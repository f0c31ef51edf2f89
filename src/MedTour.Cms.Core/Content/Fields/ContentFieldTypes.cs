namespace MedTour.Cms.Content.Fields;

/// <summary>The field types known to this host (built-ins plus any registered by modules). Singleton, immutable.</summary>
public sealed class ContentFieldTypes(IEnumerable<ContentFieldType> types)
{
    private readonly Dictionary<string, ContentFieldType> _byName = types.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public ContentFieldType? Find(string name) => _byName.GetValueOrDefault(name);

    public IEnumerable<string> Names => _byName.Keys;
}
