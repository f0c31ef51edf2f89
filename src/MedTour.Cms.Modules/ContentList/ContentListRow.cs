namespace MedTour.Cms.Modules.ContentList;

/// <summary>One item of the content list: its latest version's metadata and where it stands.</summary>
public sealed record ContentListRow(
    string ContentItemId,
    string ContentType,
    string DisplayText,
    string? Owner,
    string? OwnerName,
    string? Culture,
    DateTime? ModifiedUtc,
    DateTime? PublishedUtc,
    ContentStatus Status,
    bool HasPublishedVersion);

/// <summary>A page of the list and how many items match the filter in all.</summary>
public sealed record ContentListResult(IReadOnlyList<ContentListRow> Rows, int Total);
