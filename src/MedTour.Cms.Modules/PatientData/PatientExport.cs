namespace MedTour.Cms.Modules.PatientData;

/// <summary>Everything stored about one patient on one site, decrypted: what an export hands over (JSON, or a zip with the files).</summary>
public sealed record PatientExport(string Tenant, DateTime ExportedUtc, string ContactField, IReadOnlyList<ExportedSubmission> Submissions);

public sealed record ExportedSubmission(
    string Reference,
    string FormId,
    string Culture,
    DateTime CreatedUtc,
    string Status,
    DateTime? ConvertedUtc,
    string? PrivacyNoticeVersion,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<ExportedFile> Files,
    IReadOnlyList<ExportedHistory> History);

/// <summary>A file with its original name; <see cref="Content"/> is left out of the JSON of a zip export (the file is beside it).</summary>
public sealed record ExportedFile(string Name, string Kind, long Length, string? ZipPath, byte[]? Content);

public sealed record ExportedHistory(string Kind, DateTime AtUtc, string Actor, string? Value, string? Note);
