namespace MedTour.Cms.Modules.PatientData;

/// <summary>A tenant's own patient-data settings (a document of the tenant); null means the host's default.</summary>
public sealed record PatientDataSettings
{
    public const string DocumentName = "PatientDataSettings";

    /// <summary>The shortest and longest retention an administrator may choose, in days.</summary>
    public const int MinimumDays = 1;
    public const int MaximumDays = 3650;

    public int? RetentionDays { get; init; }
}
