using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Content.Fields;
using MedTour.Cms.Content.Indexing;

namespace MedTour.Cms.Modules.PublishLater;

/// <summary>Indexes the scheduled date of a draft whose type declares a PublishLaterPart, so the background task finds due items with one indexed query.</summary>
public sealed class PublishLaterPartIndexer : IPartIndexer
{
    public string PartName => PublishLaterPartHandler.Part;

    public IEnumerable<(string Property, IndexedValue Value)> Index(ContentItem version, ContentTypeDefinition? type)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.Published || type?.HasPart(PublishLaterPartHandler.Part) != true
            || version.FindPart(PublishLaterPartHandler.Part)?[PublishLaterPartHandler.ScheduledPublishUtc] is not JsonValue value
            || !value.TryGetValue<string>(out var text) || !ContentFieldType.TryParseDate(text, out var date))
        {
            yield break;
        }

        yield return (PublishLaterPartHandler.ScheduledPublishUtc, new IndexedValue(Date: date));
    }
}
