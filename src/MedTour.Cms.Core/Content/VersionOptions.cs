namespace MedTour.Cms.Content;

/// <summary>Which version of an item to read.</summary>
public enum VersionOptions
{
    /// <summary>The published version, if any.</summary>
    Published,
    /// <summary>The newest version, draft or published.</summary>
    Latest,
    /// <summary>The draft: the latest version when it is not published.</summary>
    Draft,
}
