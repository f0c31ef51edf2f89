namespace MedTour.Cms.Modules.Consultations.Routing;

/// <summary>Where a request goes and why: the coordinator (null for the regional inbox), the address, and the rule that matched.</summary>
public sealed record RoutingDecision(string? CoordinatorId, string Email, string Rule);
