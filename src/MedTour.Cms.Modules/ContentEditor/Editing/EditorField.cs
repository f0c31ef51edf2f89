namespace MedTour.Cms.Modules.ContentEditor.Editing;

/// <summary>How a field is edited (and so how its form value is read and stored).</summary>
public enum EditorKind
{
    Text,
    TextArea,
    Html,
    Markdown,
    Number,
    Boolean,
    Date,
    DateTime,
    Link,
    /// <summary>Free values, one per line.</summary>
    MultiText,
    /// <summary>Values chosen from the field's options (checkboxes).</summary>
    Options,
    ContentPicker,
    Media,
    Taxonomy,
    /// <summary>One of a few values (the item's culture).</summary>
    Select,
    /// <summary>The autoroute path, with its pattern preview.</summary>
    Path,
}

/// <summary>
/// One input of the editor: a field of a part (<c>Article.Summary</c>) or a property of a built-in part
/// (<c>TitlePart.Title</c>). <see cref="Name"/> is the form field's name and id and the name validation errors use.
/// The values are the text the user sees or typed, so a form that fails validation is shown again as it was sent.
/// </summary>
public sealed class EditorField
{
    public required string Name { get; init; }
    public required string PartName { get; init; }
    /// <summary>The field's name inside the part, or the part property (<c>Title</c>).</summary>
    public required string Key { get; init; }
    /// <summary>True for a part property stored as a plain value (<c>TitlePart.Title</c>), false for a field object.</summary>
    public bool IsPartProperty { get; init; }
    public required EditorKind Kind { get; init; }
    public required string Label { get; init; }
    public string? Hint { get; init; }
    public bool Required { get; init; }
    public bool Multiple { get; init; }
    public double? Minimum { get; init; }
    public double? Maximum { get; init; }
    public int Scale { get; init; }
    /// <summary>Content types a picker may point to.</summary>
    public IReadOnlyList<string> AllowedTypes { get; init; } = [];
    public string? TaxonomyId { get; init; }
    /// <summary>The autoroute pattern (Path fields).</summary>
    public string? Pattern { get; set; }

    /// <summary>The text value (text kinds, numbers, dates, link URL, path…).</summary>
    public string Value { get; set; } = string.Empty;
    /// <summary>A second text: a link's text, media alternative texts (one per line).</summary>
    public string Value2 { get; set; } = string.Empty;
    /// <summary>Chosen values: options, picked ids, terms, media paths.</summary>
    public List<string> Values { get; set; } = [];
    /// <summary>A term typed to be created with the save (Taxonomy fields).</summary>
    public string NewTerm { get; set; } = string.Empty;
    /// <summary>What may be chosen (options, terms, cultures) or the titles of picked items, as (value, text).</summary>
    public List<(string Value, string Text)> Choices { get; set; } = [];
}
