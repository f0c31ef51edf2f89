using MedTour.Cms.Data;

namespace MedTour.Cms.Content.Definitions;

/// <summary>Reads and changes the tenant's content definition (one cached document). Scoped.</summary>
public sealed class ContentDefinitionManager(DocumentStore documents)
{
    public const string DocumentName = "ContentDefinition";

    public async Task<ContentDefinition> GetAsync(CancellationToken cancellationToken = default) =>
        await documents.GetAsync<ContentDefinition>(DocumentName, cancellationToken) ?? new ContentDefinition();

    public async Task<ContentTypeDefinition?> FindTypeAsync(string name, CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).FindType(name);

    public Task SaveAsync(ContentDefinition definition, CancellationToken cancellationToken = default) =>
        documents.SaveAsync(DocumentName, definition, cancellationToken);
}
