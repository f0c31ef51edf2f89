using System.Text;
using System.Text.Json;
using GraphQL.Types;
using MedTour.Cms.Modules.Graph;

namespace MedTour.Cms.Tests.GraphQL;

/// <summary>The direct path's date writer gives the bytes of GraphQL.NET's DateTime scalar written by its serializer.</summary>
public sealed class IsoDateTimeTests
{
    public static TheoryData<DateTime> Dates() =>
    [
        new DateTime(2026, 4, 2, 0, 0, 0, DateTimeKind.Utc),
        new DateTime(2026, 12, 31, 23, 59, 58, DateTimeKind.Utc).AddTicks(1_234_567),
        new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1_000_000),
        new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1),
        new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Unspecified).AddTicks(120_000),
        new DateTime(999, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc),
    ];

    [Theory]
    [MemberData(nameof(Dates))]
    public void Writes_what_the_DateTime_scalar_serializes(DateTime date)
    {
        var serializer = new ResponseBuffers().Serializer;
        var expected = Write(w => JsonSerializer.Serialize(w, new DateTimeGraphType().Serialize(date), serializer.Options), serializer.WriterOptions);
        var written = false;
        var actual = Write(w => written = IsoDateTime.TryWrite(w, date), serializer.WriterOptions);
        Assert.True(written);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Leaves_local_times_to_the_scalar()
    {
        using var buffer = new MemoryStream();
        using var writer = new Utf8JsonWriter(buffer);
        Assert.False(IsoDateTime.TryWrite(writer, new DateTime(2026, 4, 2, 10, 0, 0, DateTimeKind.Local)));
        writer.Flush();
        Assert.Equal(0, buffer.Length);
    }

    private static string Write(Action<Utf8JsonWriter> write, JsonWriterOptions options)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
