using System.Text.Json.Nodes;
using MedTour.Cms.Data;

namespace MedTour.Cms.Content;

/// <summary>Maps content items to their table rows and back.</summary>
public static class ContentRecords
{
    public static ContentItem ToItem(ContentItemRecord record) => new()
    {
        ContentItemId = record.ContentItemId,
        ContentItemVersionId = record.ContentItemVersionId,
        ContentType = record.ContentType,
        DisplayText = record.DisplayText,
        Latest = record.Latest,
        Published = record.Published,
        Owner = record.Owner,
        Author = record.Author,
        CreatedUtc = Utc(record.CreatedUtc),
        ModifiedUtc = Utc(record.ModifiedUtc),
        PublishedUtc = Utc(record.PublishedUtc),
        Content = JsonNode.Parse(record.Data) as JsonObject ?? [],
    };

    public static ContentItemRecord ToRecord(ContentItem item)
    {
        var record = new ContentItemRecord
        {
            ContentItemId = item.ContentItemId,
            ContentItemVersionId = item.ContentItemVersionId,
            ContentType = item.ContentType,
        };
        CopyTo(item, record);
        return record;
    }

    public static void CopyTo(ContentItem item, ContentItemRecord record)
    {
        record.DisplayText = item.DisplayText;
        record.Latest = item.Latest;
        record.Published = item.Published;
        record.Owner = item.Owner;
        record.Author = item.Author;
        record.CreatedUtc = item.CreatedUtc;
        record.ModifiedUtc = item.ModifiedUtc;
        record.PublishedUtc = item.PublishedUtc;
        record.Data = item.Content.ToJsonString();
    }

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
