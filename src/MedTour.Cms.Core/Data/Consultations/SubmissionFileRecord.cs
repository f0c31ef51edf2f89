namespace MedTour.Cms.Data.Consultations;

/// <summary>A file attached to a submission: its bytes are encrypted under App_Data (never the web root) as <see cref="StoredName"/>.</summary>
public sealed class SubmissionFileRecord
{
    public long Id { get; set; }
    public long SubmissionId { get; set; }
    /// <summary>A random name; the patient's file name is kept only inside <see cref="ProtectedName"/>.</summary>
    public string StoredName { get; set; } = string.Empty;
    public string ProtectedName { get; set; } = string.Empty;
    /// <summary>The kind found in the bytes (pdf, jpeg, png, dicom), not the one the browser claimed.</summary>
    public string Kind { get; set; } = string.Empty;
    public long Length { get; set; }
}
