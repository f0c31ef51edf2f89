namespace MedTour.Cms.Content;

/// <summary>An item's id and title, without its parts: enough for a filter's choices or a title search over every item.</summary>
public sealed record ContentTitle(string ContentItemId, string DisplayText);
