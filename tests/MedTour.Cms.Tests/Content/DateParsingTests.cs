using System.Globalization;
using MedTour.Cms.Content.Fields;

namespace MedTour.Cms.Tests.Content;

/// <summary>Date field values read by the short path for stored forms mean what the general parser makes of them.</summary>
public sealed class DateParsingTests
{
    [Theory]
    [InlineData("2026-04-02T00:00:00Z")]
    [InlineData("2026-12-31T23:59:59Z")]
    [InlineData("2024-02-29")]
    [InlineData("2026-07-04")]
    [InlineData("2026-07-04T10:30:00+02:00")]
    [InlineData("2026-07-04T10:30:00.123Z")]
    [InlineData("4 July 2026")]
    public void A_date_reads_as_the_general_parser_reads_it_in_UTC(string text)
    {
        var expected = DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed);

        Assert.Equal(expected, ContentFieldType.TryParseDate(text, out var value));
        Assert.Equal(parsed.Ticks, value.Ticks);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("20x6-01-01")]
    [InlineData("")]
    public void An_impossible_date_is_not_a_date(string text) =>
        Assert.False(ContentFieldType.TryParseDate(text, out _));
}
