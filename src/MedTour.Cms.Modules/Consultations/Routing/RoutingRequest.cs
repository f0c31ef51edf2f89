namespace MedTour.Cms.Modules.Consultations.Routing;

/// <summary>What routing knows of a consultation request: the region (tenant) it came to and the patient's answers.</summary>
public sealed record RoutingRequest(
    string Region,
    string? PatientCountry,
    string? DestinationCountry,
    string? Language,
    IReadOnlySet<string> Specialties);

/// <summary>The coordinator a returning patient (same E.164 phone or e-mail) had, and when.</summary>
public sealed record PreviousAssignment(string CoordinatorId, DateTimeOffset AssignedUtc);
