using MedTour.Cms.Modules.Consultations.Sla;

namespace MedTour.Cms.Modules.Consultations.Routing;

/// <summary>
/// A tenant's routing document (<c>ConsultationRouting</c>): the ordered ladder, the SLA and the region's working hours.
/// The regional lead is alerted when the assigned coordinator has not taken a request after <see cref="SlaHours"/> working
/// hours, and the request is reassigned <see cref="ReassignAfterHours"/> working hours after that alert.
/// </summary>
public sealed record RoutingSettings
{
    public const string DocumentName = "ConsultationRouting";

    public IReadOnlyList<RoutingRule> Rules { get; init; } = [];
    public double SlaHours { get; init; } = 2;
    public double ReassignAfterHours { get; init; } = 2;
    public string TimeZoneId { get; init; } = "UTC";
    public TimeOnly Opens { get; init; } = new(9, 0);
    public TimeOnly Closes { get; init; } = new(18, 0);
    public IReadOnlyList<DayOfWeek> Days { get; init; } = [.. WorkingHours.WeekDays.Order()];
    /// <summary>Who is alerted when the SLA passes; the regional inbox (the catch-all rule's) when empty.</summary>
    public string? RegionalLeadEmail { get; init; }

    /// <summary>When a request assigned (or received) at <paramref name="startUtc"/> must have been taken: the SLA in working hours.</summary>
    public DateTime SlaDueUtc(DateTime startUtc) => WorkingHours.AddWorkingTime(startUtc, TimeSpan.FromHours(SlaHours));

    public WorkingHours WorkingHours => new(TimeZoneId, Opens, Closes, Days.ToHashSet());

    /// <summary>The catch-all rung's address: the regional inbox.</summary>
    public string? RegionalInbox => Rules.LastOrDefault(r => r.Inbox is { Length: > 0 })?.Inbox;

    public string? LeadEmail => RegionalLeadEmail is { Length: > 0 } lead ? lead : RegionalInbox;
}
