namespace MedTour.Cms.Modules.PatientData;

/// <summary>The host's defaults for patient data (<c>MedTour:PatientData</c>); a tenant may set its own retention period.</summary>
public sealed class PatientDataOptions
{
    /// <summary>Unconverted requests older than this many days are purged, with their files (tenant setting overrides).</summary>
    public int RetentionDays { get; set; } = 180;

    /// <summary>How many requests one purge transaction removes, so a large backlog never holds a long write lock.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>How often the retention service looks for expired requests.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    public bool RetentionEnabled { get; set; } = true;
}
