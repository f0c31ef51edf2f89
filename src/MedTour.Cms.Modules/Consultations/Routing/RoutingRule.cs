using System.Text.Json.Serialization;

namespace MedTour.Cms.Modules.Consultations.Routing;

/// <summary>What a rung of the ladder requires of a coordinator, beyond serving the request's region.</summary>
[Flags]
[JsonConverter(typeof(JsonStringEnumConverter<RoutingCriteria>))]
public enum RoutingCriteria
{
    None = 0,
    PatientCountry = 1,
    DestinationCountry = 2,
    Specialty = 4,
    Language = 8,
}

/// <summary>
/// One rung of a tenant's ladder: the coordinators of the region who match every criterion form the pool. A rung with
/// <see cref="Inbox"/> set is a catch-all: the request goes to that address (the regional inbox) instead of a person.
/// </summary>
public sealed record RoutingRule(string Name, RoutingCriteria Criteria, string? Inbox = null)
{
    /// <summary>
    /// MedTour's ladder, most specific first: destination, condition and language; then without language; then
    /// the specialty alone; the patient's country and language; any coordinator of the region; the regional inbox.
    /// </summary>
    public static IReadOnlyList<RoutingRule> DefaultLadder(string regionalInbox) =>
    [
        new("destination+specialty+language", RoutingCriteria.DestinationCountry | RoutingCriteria.Specialty | RoutingCriteria.Language),
        new("destination+specialty", RoutingCriteria.DestinationCountry | RoutingCriteria.Specialty),
        new("specialty+language", RoutingCriteria.Specialty | RoutingCriteria.Language),
        new("specialty", RoutingCriteria.Specialty),
        new("country+language", RoutingCriteria.PatientCountry | RoutingCriteria.Language),
        new("language", RoutingCriteria.Language),
        new("region", RoutingCriteria.None),
        new("regional inbox", RoutingCriteria.None, regionalInbox),
    ];
}
