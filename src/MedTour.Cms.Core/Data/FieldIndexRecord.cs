namespace MedTour.Cms.Data;

/// <summary>One typed value of one field of one (latest or published) version, for filtering and sorting by field values.</summary>
public sealed class FieldIndexRecord
{
    public long Id { get; set; }
    public required string ContentItemId { get; set; }
    public required string ContentItemVersionId { get; set; }
    public required string ContentType { get; set; }
    public required string PartName { get; set; }
    public required string FieldName { get; set; }
    public bool Latest { get; set; }
    public bool Published { get; set; }
    /// <summary>Text, or a picked content item / term id; cut to <see cref="MaxTextLength"/> characters.</summary>
    public string? Text { get; set; }
    public double? Number { get; set; }
    public DateTime? Date { get; set; }
    public bool? Boolean { get; set; }

    public const int MaxTextLength = 255;
}
