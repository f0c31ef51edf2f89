using MedTour.Cms.Modules.Consultations.Routing;
using MedTour.Cms.Modules.Inbox;

namespace MedTour.Cms.Tests.Inbox;

/// <summary>The inbox's times in the region's zone, with the offset of that moment (summer and winter time differ).</summary>
public sealed class RegionTimeTests
{
    [Theory]
    [InlineData("Europe/Kyiv", "2025-01-15T10:00:00Z", "2025-01-15 12:00 UTC+02:00")]
    [InlineData("Europe/Kyiv", "2025-07-15T10:00:00Z", "2025-07-15 13:00 UTC+03:00")]
    [InlineData("America/New_York", "2025-01-15T03:00:00Z", "2025-01-14 22:00 UTC-05:00")]
    [InlineData("UTC", "2025-01-15T10:00:00Z", "2025-01-15 10:00 UTC")]
    [InlineData("Mars/Olympus", "2025-01-15T10:00:00Z", "2025-01-15 10:00 UTC")]
    public void A_stored_UTC_time_reads_in_the_regions_zone(string zone, string utc, string expected)
    {
        var time = RegionTime.Of(new RoutingSettings { TimeZoneId = zone });
        Assert.Equal(expected, time.Format(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal)));
    }

    [Fact]
    public void A_day_starts_at_the_regions_midnight()
    {
        var kyiv = RegionTime.Of(new RoutingSettings { TimeZoneId = "Europe/Kyiv" });
        Assert.Equal(new DateTime(2025, 3, 10, 22, 0, 0, DateTimeKind.Utc), kyiv.StartUtc(new DateOnly(2025, 3, 11)));
        Assert.Equal(DateTimeKind.Utc, kyiv.StartUtc(new DateOnly(2025, 3, 11)).Kind);
    }
}
