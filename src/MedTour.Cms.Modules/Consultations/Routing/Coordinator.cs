namespace MedTour.Cms.Modules.Consultations.Routing;

/// <summary>
/// A medical coordinator as routing sees it (from a Coordinator content item): where and whom they serve, and how
/// large a share of requests they take. <c>DestinationCountries</c> (optional) are the clinics' countries they arrange. Sets hold lower-case codes (tenant names, ISO countries and languages, term ids).
/// </summary>
public sealed record Coordinator(
    string Id,
    string Email,
    IReadOnlySet<string> Regions,
    IReadOnlySet<string> PatientCountries,
    IReadOnlySet<string> DestinationCountries,
    IReadOnlySet<string> Languages,
    IReadOnlySet<string> Specialties,
    int Weight,
    bool Active)
{
    /// <summary>Serves <paramref name="code"/> when the set is empty (anyone) or holds it.</summary>
    public static bool Serves(IReadOnlySet<string> set, string? code) =>
        set.Count == 0 || (code is not null && set.Contains(code.ToLowerInvariant()));
}
