namespace MedTour.Cms.Modules.Consultations.Sla;

/// <summary>
/// A region's working week: the days and the daily opening hours, in the region's time zone (an IANA id). SLA deadlines
/// count only time inside it, so a request sent on Friday evening in Kyiv is due on Monday morning, not in the night.
/// </summary>
public sealed record WorkingHours(string TimeZoneId, TimeOnly Opens, TimeOnly Closes, IReadOnlySet<DayOfWeek> Days)
{
    public static readonly IReadOnlySet<DayOfWeek> WeekDays = new HashSet<DayOfWeek>
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };

    public static WorkingHours Office(string timeZoneId) => new(timeZoneId, new TimeOnly(9, 0), new TimeOnly(18, 0), WeekDays);

    /// <summary>
    /// The UTC instant when <paramref name="amount"/> of working time has passed after <paramref name="startUtc"/>: time
    /// outside the working days and hours of the region's zone does not count (a pure function of its arguments).
    /// </summary>
    public DateTime AddWorkingTime(DateTime startUtc, TimeSpan amount)
    {
        if (Days.Count == 0 || Closes <= Opens)
        {
            throw new InvalidOperationException("Working hours need at least one day and a closing time after the opening time.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), zone);
        var remaining = amount;

        // A week always holds a working day, so this ends; the bound guards against an absurd amount.
        for (var day = 0; day < 100_000; day++)
        {
            var date = local.Date;
            if (Days.Contains(date.DayOfWeek))
            {
                var opens = date + Opens.ToTimeSpan();
                var closes = date + Closes.ToTimeSpan();
                if (local < opens)
                {
                    local = opens;
                }

                if (local < closes)
                {
                    var open = closes - local;
                    if (remaining <= open)
                    {
                        return ToUtc(local + remaining, zone);
                    }

                    remaining -= open;
                }
            }

            local = date.AddDays(1);
        }

        throw new ArgumentOutOfRangeException(nameof(amount), "The working time is too long.");
    }

    /// <summary>A wall time the clocks skipped (spring forward) is read as the first valid time after it.</summary>
    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(wall))
        {
            wall = wall.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(wall, zone);
    }
}
