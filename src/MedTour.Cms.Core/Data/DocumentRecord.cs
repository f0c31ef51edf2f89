namespace MedTour.Cms.Data;

/// <summary>A named JSON document of a tenant (content definitions, site settings, templates).</summary>
public sealed class DocumentRecord
{
    public required string Name { get; set; }
    public required string Content { get; set; }
    /// <summary>Incremented on every write; caches compare it.</summary>
    public long Version { get; set; }
}
