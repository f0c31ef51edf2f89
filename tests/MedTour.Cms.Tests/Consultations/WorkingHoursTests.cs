using MedTour.Cms.Modules.Consultations.Sla;

namespace MedTour.Cms.Tests.Consultations;

/// <summary>SLA deadlines count only the region's working hours (Mon–Fri 09:00–18:00 in its zone), a pure function over a table of cases.</summary>
public sealed class WorkingHoursTests
{
    private const string Kyiv = "Europe/Kyiv";
    private const string NewYork = "America/New_York";

    public static TheoryData<string, string, string, double, string> Cases => new()
    {
        // why, zone, start (UTC), working hours, due (UTC)
        { "inside a working morning", Kyiv, "2026-12-03T08:00:00Z", 2, "2026-12-03T10:00:00Z" },
        { "late afternoon: the rest carries to the next morning", Kyiv, "2026-12-03T15:00:00Z", 2, "2026-12-04T08:00:00Z" },
        { "half an hour on Friday evening, then Monday", Kyiv, "2026-12-04T15:30:00Z", 2, "2026-12-07T08:30:00Z" },
        { "sent on Saturday: counts from Monday 09:00", Kyiv, "2026-12-05T10:00:00Z", 2, "2026-12-07T09:00:00Z" },
        { "sent at 22:00: counts from 09:00 the next day", Kyiv, "2026-12-02T20:00:00Z", 2, "2026-12-03T09:00:00Z" },
        { "sent at 06:00: counts from 09:00 the same day", Kyiv, "2026-12-03T04:00:00Z", 2, "2026-12-03T09:00:00Z" },
        { "a fraction of an hour", Kyiv, "2026-12-03T15:00:00Z", 1.5, "2026-12-04T07:30:00Z" },
        { "more than a working day", Kyiv, "2026-12-07T07:00:00Z", 10, "2026-12-08T08:00:00Z" },
        { "across the spring clock change (UTC+2 to UTC+3)", Kyiv, "2027-03-26T15:00:00Z", 2, "2027-03-29T07:00:00Z" },
        { "ending exactly at closing time", NewYork, "2026-12-03T21:00:00Z", 2, "2026-12-03T23:00:00Z" },
        { "the same instant is evening in Kyiv…", Kyiv, "2026-12-03T20:00:00Z", 2, "2026-12-04T09:00:00Z" },
        { "…and afternoon in New York", NewYork, "2026-12-03T20:00:00Z", 2, "2026-12-03T22:00:00Z" },
        { "Friday evening in New York is Saturday in UTC", NewYork, "2026-12-05T00:30:00Z", 2, "2026-12-07T16:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Deadlines_count_only_working_time_in_the_regions_zone(string why, string zone, string start, double hours, string due)
    {
        var actual = WorkingHours.Office(zone).AddWorkingTime(Utc(start), TimeSpan.FromHours(hours));

        Assert.True(Utc(due) == actual, $"{why}: expected {due}, got {actual:O}");
        Assert.Equal(DateTimeKind.Utc, actual.Kind);
    }

    [Fact]
    public void A_seven_day_week_counts_weekends_and_an_impossible_week_is_refused()
    {
        var everyDay = new WorkingHours(Kyiv, new TimeOnly(9, 0), new TimeOnly(18, 0), Enum.GetValues<DayOfWeek>().ToHashSet());
        Assert.Equal(Utc("2026-12-05T09:00:00Z"), everyDay.AddWorkingTime(Utc("2026-12-05T07:00:00Z"), TimeSpan.FromHours(2)));

        var noDays = new WorkingHours(Kyiv, new TimeOnly(9, 0), new TimeOnly(18, 0), new HashSet<DayOfWeek>());
        Assert.Throws<InvalidOperationException>(() => noDays.AddWorkingTime(Utc("2026-12-05T07:00:00Z"), TimeSpan.FromHours(2)));
    }

    private static DateTime Utc(string text) => DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
}
