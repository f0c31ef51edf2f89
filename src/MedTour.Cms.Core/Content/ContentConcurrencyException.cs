namespace MedTour.Cms.Content;

/// <summary>
/// Another writer changed the same item between this writer's read and its save (the version row's token moved).
/// Nothing of this change was saved; read the item again and retry.
/// </summary>
public sealed class ContentConcurrencyException(string contentItemId, Exception? inner = null)
    : Exception($"content item '{contentItemId}' was changed by another writer while this change was being saved; nothing was saved, read it again and retry.", inner)
{
    public string ContentItemId { get; } = contentItemId;
}
