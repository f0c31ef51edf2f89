namespace MedTour.Cms.Content.Indexing;

/// <summary>
/// Told of every batch of items whose index rows are rewritten, inside the change's transaction (before it is saved):
/// a module adds its own rows (search indexing tasks) to the same transaction. Scoped.
/// </summary>
public interface IContentIndexObserver
{
    void Writing(IReadOnlyList<ItemVersions> items);
}
