namespace MedTour.Cms.Modules.Consultations.Routing;

/// <summary>
/// Routes a consultation request to a coordinator: a pure function of the request, the tenant's coordinators and
/// ladder, how many requests each coordinator has had lately, and the patient's previous assignment.
/// <list type="number">
/// <item>A returning patient (previous assignment within <see cref="ReturningPatientWindow"/>) goes to the same
/// coordinator if they are still active and serve the region.</item>
/// <item>Otherwise the first rung whose pool is not empty wins; inside the pool, weighted round-robin: the
/// coordinator with the fewest recent requests per unit of weight (ties by id, so the result is reproducible).</item>
/// <item>A catch-all rung sends the request to its inbox address.</item>
/// </list>
/// </summary>
public static class ConsultationRouter
{
    public static readonly TimeSpan ReturningPatientWindow = TimeSpan.FromDays(180);

    public const string ReturningPatientRule = "returning patient";

    /// <param name="recentCounts">Requests assigned to each coordinator id in the current round-robin window.</param>
    /// <param name="excluded">Coordinators not to choose (those who let the request pass its SLA, when it is reassigned).</param>
    public static RoutingDecision? Route(
        RoutingRequest request,
        IReadOnlyList<Coordinator> coordinators,
        IReadOnlyList<RoutingRule> ladder,
        IReadOnlyDictionary<string, int> recentCounts,
        PreviousAssignment? previous,
        DateTimeOffset now,
        IReadOnlySet<string>? excluded = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(coordinators);
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentNullException.ThrowIfNull(recentCounts);
        var region = coordinators.Where(c => c.Active && c.Weight > 0 && Coordinator.Serves(c.Regions, request.Region) && excluded?.Contains(c.Id) != true).ToList();
        if (previous is not null && now - previous.AssignedUtc <= ReturningPatientWindow
            && region.Find(c => c.Id == previous.CoordinatorId) is { } known)
        {
            return new RoutingDecision(known.Id, known.Email, ReturningPatientRule);
        }

        foreach (var rule in ladder)
        {
            if (rule.Inbox is { Length: > 0 } inbox)
            {
                return new RoutingDecision(null, inbox, rule.Name);
            }

            // A rung asking what the patient did not answer (no destination chosen) is skipped, so the rule recorded is the one that really matched.
            if (!Answers(request, rule.Criteria))
            {
                continue;
            }

            var pool = region.Where(c => Matches(c, request, rule.Criteria)).ToList();
            if (pool.Count > 0)
            {
                var chosen = pool
                    .OrderBy(c => (recentCounts.GetValueOrDefault(c.Id) + 1.0) / c.Weight)
                    .ThenByDescending(c => c.Weight)
                    .ThenBy(c => c.Id, StringComparer.Ordinal)
                    .First();
                return new RoutingDecision(chosen.Id, chosen.Email, rule.Name);
            }
        }

        return null;
    }

    private static bool Answers(RoutingRequest request, RoutingCriteria criteria) =>
        (!criteria.HasFlag(RoutingCriteria.PatientCountry) || request.PatientCountry is not null)
        && (!criteria.HasFlag(RoutingCriteria.DestinationCountry) || request.DestinationCountry is not null)
        && (!criteria.HasFlag(RoutingCriteria.Specialty) || request.Specialties.Count > 0)
        && (!criteria.HasFlag(RoutingCriteria.Language) || request.Language is not null);

    /// <summary>A coordinator matches a criterion by declaring it: an empty list means "anyone" only for the region.</summary>
    private static bool Matches(Coordinator coordinator, RoutingRequest request, RoutingCriteria criteria) =>
        (!criteria.HasFlag(RoutingCriteria.PatientCountry) || Declares(coordinator.PatientCountries, request.PatientCountry))
        && (!criteria.HasFlag(RoutingCriteria.DestinationCountry) || Declares(coordinator.DestinationCountries, request.DestinationCountry))
        && (!criteria.HasFlag(RoutingCriteria.Specialty) || request.Specialties.Overlaps(coordinator.Specialties))
        && (!criteria.HasFlag(RoutingCriteria.Language) || Declares(coordinator.Languages, request.Language));

    private static bool Declares(IReadOnlySet<string> set, string? code) => code is not null && set.Contains(code.ToLowerInvariant());
}
