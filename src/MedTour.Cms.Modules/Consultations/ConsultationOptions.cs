namespace MedTour.Cms.Modules.Consultations;

/// <summary>Configuration section <c>MedTour:Consultations</c>.</summary>
public sealed class ConsultationOptions
{
    /// <summary>
    /// The public origin links in coordinators' mails start with (mails are written by the workflow host, outside any
    /// request); a tenant with its own host name is linked by that host instead.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";
}
