namespace MedTour.Cms.Content.Indexing;

/// <summary>The versions of one item that index tables describe: its latest and its published one (may be the same, or none).</summary>
public sealed record ItemVersions(string ContentItemId, ContentItem? Latest, ContentItem? Published);
