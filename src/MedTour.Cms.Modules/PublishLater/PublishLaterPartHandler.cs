using System.Globalization;
using System.Text.Json.Nodes;
using MedTour.Cms.Content.Fields;
using MedTour.Cms.Content.Parts;

namespace MedTour.Cms.Modules.PublishLater;

/// <summary>
/// Orchard's PublishLaterPart (<c>{"ScheduledPublishUtc": "2026-12-01T08:00:00Z"}</c>): the date must be a date (stored
/// as ISO 8601 UTC). A published version's past date is spent and cleared, so a draft made from it later is not
/// published at once; a future one stays (a published item may schedule its next draft).
/// </summary>
public sealed class PublishLaterPartHandler(TimeProvider clock) : IContentPartHandler
{
    public const string Part = "PublishLaterPart";
    public const string ScheduledPublishUtc = "ScheduledPublishUtc";

    public string PartName => Part;

    public ValueTask UpdatingAsync(PartUpdateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = context.Part[ScheduledPublishUtc];
        if (value is null)
        {
            return ValueTask.CompletedTask;
        }

        if (value is not JsonValue text || !text.TryGetValue<string>(out var date) || !ContentFieldType.TryParseDate(date, out var utc))
        {
            context.Error(ScheduledPublishUtc, $"expected an ISO 8601 date or null, found {value.ToJsonString()}.");
            return ValueTask.CompletedTask;
        }

        var spent = context.Item.Published && utc <= clock.GetUtcNow().UtcDateTime;
        context.Part[ScheduledPublishUtc] = spent ? null : utc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    }
}
