namespace MedTour.Cms.Content;

/// <summary>
/// Hooks around content changes, for modules (search indexing, workflows, output cache…). "-ing" hooks run
/// before the change is written and may throw to stop it; "-ed" hooks run after it is saved.
/// </summary>
public interface IContentHandler
{
    Task CreatingAsync(ContentItem item) => Task.CompletedTask;
    Task CreatedAsync(ContentItem item) => Task.CompletedTask;
    Task UpdatingAsync(ContentItem item) => Task.CompletedTask;
    Task UpdatedAsync(ContentItem item) => Task.CompletedTask;
    Task PublishingAsync(ContentItem item) => Task.CompletedTask;
    Task PublishedAsync(ContentItem item) => Task.CompletedTask;
    Task UnpublishingAsync(ContentItem item) => Task.CompletedTask;
    Task UnpublishedAsync(ContentItem item) => Task.CompletedTask;
    Task RemovingAsync(ContentItem item) => Task.CompletedTask;
    Task RemovedAsync(ContentItem item) => Task.CompletedTask;

    /// <summary>An old version is about to be copied into a new draft (<see cref="ContentRestore"/>); <paramref name="item"/> is that draft.</summary>
    Task RestoringAsync(ContentItem item, string fromVersionId) => Task.CompletedTask;

    Task RestoredAsync(ContentItem item, string fromVersionId) => Task.CompletedTask;
}
