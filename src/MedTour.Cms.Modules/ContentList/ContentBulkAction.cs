using MedTour.Cms.Modules.Roles;

namespace MedTour.Cms.Modules.ContentList;

public enum ContentBulkAction
{
    Publish,
    Unpublish,
    Delete,
}

public static class ContentBulkActions
{
    public static bool TryParse(string? text, out ContentBulkAction action) =>
        Enum.TryParse(text, ignoreCase: true, out action) && Enum.IsDefined(action) && !int.TryParse(text, out _);

    /// <summary>The per-type permission an action needs on each item (Publish_Article, Delete_Article…).</summary>
    public static ContentVerb Verb(this ContentBulkAction action) => action == ContentBulkAction.Delete ? ContentVerb.Delete : ContentVerb.Publish;
}

/// <summary>One item of a bulk action: whether this user may do it, and why not when not.</summary>
public sealed record BulkItem(string ContentItemId, string ContentType, string DisplayText, bool Allowed);
