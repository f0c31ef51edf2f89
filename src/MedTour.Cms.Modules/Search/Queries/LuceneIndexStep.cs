using System.Text.Json.Nodes;
using MedTour.Cms.Data;
using MedTour.Cms.Modules.Search.Indexing;
using MedTour.Cms.Modules.Search.Lucene;
using MedTour.Cms.Recipes;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Modules.Search.Queries;

/// <summary>
/// Orchard's <c>lucene-index</c> step: <c>"Indices": ["Search"]</c> (the index, with the types of <see cref="SearchOptions"/>) or
/// <c>"Indices": [{ "Search": { "IndexedContentTypes": [...] } }]</c>. The index is rebuilt once the import commits.
/// </summary>
public sealed class LuceneIndexStep(DocumentStore documents, UnitOfWork unitOfWork, CurrentTenant tenant, SearchIndexStore store, IndexingSignal signal) : IRecipeStepHandler
{
    public string Name => "lucene-index";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var indices = context.RequiredArray("Indices");
        var definition = new SearchIndexDefinition();
        for (var i = 0; i < indices.Count; i++)
        {
            var path = $"Indices[{i}]";
            var (name, settings) = indices[i] switch
            {
                JsonValue v when v.TryGetValue<string>(out var text) => (text, null),
                JsonObject o when o.Count == 1 => (o.First().Key, o.First().Value as JsonObject),
                _ => throw RecipeStepContext.Error(path, "an index is a name or { \"Name\": { settings } }."),
            };
            if (!string.Equals(name, SearchIndexStore.IndexName, StringComparison.OrdinalIgnoreCase))
            {
                throw RecipeStepContext.Error(path, $"there is one index per site, named '{SearchIndexStore.IndexName}', not '{name}'.");
            }

            if (settings?["IndexedContentTypes"] is JsonArray types)
            {
                definition.IndexedContentTypes = [.. types.Select((t, j) => RecipeStepContext.RequiredString(t, $"{path}.{name}.IndexedContentTypes[{j}]"))];
            }

            definition.AnalyzerName = settings?["AnalyzerName"]?.GetValue<string>() ?? definition.AnalyzerName;
            definition.IndexLatest = settings?["IndexLatest"]?.GetValue<bool>() ?? false;
            if (definition.IndexLatest)
            {
                throw RecipeStepContext.Error($"{path}.{name}.IndexLatest", "only published items are indexed here (drafts never appear in search).");
            }
        }

        await documents.SaveAsync(SearchIndexDefinition.DocumentName, definition);
        var tenantName = tenant.Name;
        await unitOfWork.AfterCommitAsync(() =>
        {
            // The analyzer is the culture's (ADR 0022); what changes is which types are in: rebuild.
            var indexes = store.Tenant(tenantName);
            foreach (var culture in tenant.Settings.Cultures)
            {
                indexes.NeedsRebuild[culture] = "lucene-index step";
            }

            signal.Notify(tenantName);
            return Task.CompletedTask;
        });
    }
}
