namespace MedTour.Cms.Content;

/// <summary>
/// The items this scope is saving, by id, as validation sees them. A recipe validates every item before writing
/// any, so a pattern such as <c>{{ ContentItem | container | display_url }}</c> finds a container imported in the
/// same recipe here. Scoped, not thread-safe.
/// </summary>
public sealed class PendingContentItems
{
    private readonly Dictionary<string, ContentItem> _items = new(StringComparer.Ordinal);

    public void Add(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.ContentItemId.Length > 0)
        {
            _items[item.ContentItemId] = item;
        }
    }

    public ContentItem? Find(string contentItemId) => _items.GetValueOrDefault(contentItemId);
}
