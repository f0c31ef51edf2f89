namespace MedTour.Cms.Modules.Search;

/// <summary>Which "Part.Field" values of one content type go into each search field; term and picker fields give their titles.</summary>
public sealed class SearchTypeSettings
{
    public IReadOnlyList<string> Summary { get; set; } = [];
    public IReadOnlyList<string> Body { get; set; } = [];
    public IReadOnlyList<string> Terms { get; set; } = [];

    /// <summary>The taxonomy field whose terms are the country facet.</summary>
    public string? Country { get; set; }

    /// <summary>The taxonomy field whose terms are the specialty facet.</summary>
    public string? Specialty { get; set; }
}
