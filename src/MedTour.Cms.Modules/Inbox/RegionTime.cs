using System.Globalization;
using MedTour.Cms.Modules.Consultations.Routing;

namespace MedTour.Cms.Modules.Inbox;

/// <summary>
/// How the inbox shows a moment: in the region's time zone (the routing settings', the one the SLA counts working hours
/// in), with its UTC offset, so a coordinator in Kyiv reads Kyiv time and nobody has to guess the zone.
/// </summary>
public sealed record RegionTime(TimeZoneInfo Zone)
{
    public static RegionTime Utc { get; } = new(TimeZoneInfo.Utc);

    public static RegionTime Of(RoutingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc);
    }

    /// <summary>When <paramref name="day"/> begins in the region, in UTC (what the inbox's date filters compare with).</summary>
    public DateTime StartUtc(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where a clock change skips midnight, the day begins at the first minute that exists.
        while (Zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(midnight, Zone);
    }

    /// <summary>"2026-12-03 18:40 UTC+02:00" for a stored UTC time.</summary>
    public string Format(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
        var offset = Zone.GetUtcOffset(local);
        var label = offset == TimeSpan.Zero ? "UTC" : "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + label;
    }
}
