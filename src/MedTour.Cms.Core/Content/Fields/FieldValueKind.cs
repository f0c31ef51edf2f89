namespace MedTour.Cms.Content.Fields;

/// <summary>How a field's value is indexed (and so how it can be filtered and sorted).</summary>
public enum FieldValueKind
{
    Text,
    Number,
    Date,
    Boolean,
    /// <summary>An array of strings (picked ids, media paths, values); one index row each.</summary>
    TextList,
}
