namespace MedTour.Cms.Content;

/// <summary>What happened to an item, for <see cref="IContentTransactionObserver"/>.</summary>
public enum ContentChange
{
    Created,
    Published,
}

/// <summary>
/// Told of an item's creation or publication inside the change's transaction, before it is saved: a module adds its own
/// rows (workflow events) to the same transaction, so a committed change always has them and a rolled-back one never.
/// Not told of recipe imports. Scoped.
/// </summary>
public interface IContentTransactionObserver
{
    Task ChangingAsync(ContentChange change, ContentItem item);
}
