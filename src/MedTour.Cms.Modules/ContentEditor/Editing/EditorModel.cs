using MedTour.Cms.Content;
using MedTour.Cms.Content.Definitions;

namespace MedTour.Cms.Modules.ContentEditor.Editing;

/// <summary>What the editor page shows: the type, the item (null while new), its inputs and what the user may do to it.</summary>
public sealed class EditorModel
{
    public required ContentTypeDefinition Type { get; init; }
    public ContentItem? Item { get; init; }
    public required List<EditorField> Fields { get; init; }
    /// <summary>The version the form was loaded from (<see cref="ContentDrafts"/>); a save with another is a conflict.</summary>
    public string? Stamp { get; set; }
    public bool CanPublish { get; init; }
    public bool CanDelete { get; init; }
    public bool CanPreview { get; init; }
    public bool CanClone { get; init; }
    /// <summary>The item has a published version (so unpublish applies, and a draft beside it may be discarded).</summary>
    public bool HasPublished { get; init; }
    /// <summary>The public path of the published version.</summary>
    public string? PublishedPath { get; init; }
    /// <summary>When the save was refused because someone else saved first: the version they saved, field by field.</summary>
    public List<EditorField>? Theirs { get; set; }
    public string? TheirAuthor { get; set; }
    public DateTime? TheirModifiedUtc { get; set; }
    /// <summary>A new item made as the counterpart of another region's item: <c>tenant/id</c> of the source.</summary>
    public string? TranslationFrom { get; set; }
    /// <summary>Where the prefilled values come from and which references the translator must pick again.</summary>
    public string? TranslationNotice { get; set; }

    public bool IsNew => Item is null;

    public bool HasDraft => Item is { Latest: true, Published: false };

    public string TypeLabel => Type.DisplayName ?? Type.Name;
}
