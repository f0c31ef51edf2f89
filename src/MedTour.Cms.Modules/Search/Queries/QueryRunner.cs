using System.Globalization;
using System.Text.Json.Nodes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using MedTour.Cms.Content;
using MedTour.Cms.Data;
using MedTour.Cms.Modules.Search.Indexing;
using MedTour.Cms.Modules.Search.Lucene;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Modules.Search.Queries;

/// <summary>
/// Runs the tenant's named Lucene queries (the API, the <c>query</c> Liquid filter, the admin's tester) over all
/// its culture indexes at once, as Orchard's single "Search" index would hold them; the template is Liquid
/// (<see cref="QueryTemplate"/>). Scoped.
/// </summary>
public sealed class QueryRunner(DocumentStore documents, SearchIndexStore store, SearchIndexer indexer, IndexingSignal signal, CurrentTenant tenant, ContentReader reader)
{
    public async Task<QueryDefinition?> FindAsync(string name) =>
        (await documents.GetAsync<Dictionary<string, QueryDefinition>>(QueryDefinition.DocumentName))?.GetValueOrDefault(name);

    /// <summary>Content items (when the query says so) or stored fields of the matching documents.</summary>
    public async Task<(JsonArray Items, int Total)> RunAsync(QueryDefinition query, IReadOnlyDictionary<string, JsonNode?> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var indexes = store.Tenant(tenant.Name);
        if (signal.IsPending(tenant.Name) || !indexes.NeedsRebuild.IsEmpty || indexes.All.Count == 0)
        {
            await indexer.UpdateAsync(tenant.Settings, cancellationToken);
        }

        var live = tenant.Settings.Cultures.Select(c => store.Index(indexes, c)).ToList();
        var parsed = LuceneQueryDsl.Parse(await QueryTemplate.RenderAsync(query.Template, parameters), live[0].Analyzer);
        var searchers = live.Select(i => i.Acquire()).ToList();
        try
        {
            using var all = new MultiReader([.. searchers.Select(s => s.IndexReader)], closeSubReaders: false);
            var searcher = new IndexSearcher(all);
            var wanted = Math.Max(1, parsed.From + parsed.Size);
            var top = parsed.Sort is null ? searcher.Search(parsed.Query, wanted) : searcher.Search(parsed.Query, wanted, parsed.Sort);
            var docs = top.ScoreDocs.Skip(parsed.From).Take(parsed.Size).Select(d => searcher.Doc(d.Doc)).ToList();
            var items = new JsonArray();
            if (query.ReturnContentItems)
            {
                var ids = docs.Select(d => d.Get(SearchFields.ContentItemId, CultureInfo.InvariantCulture)).ToList();
                foreach (var item in await reader.GetManyAsync(ids))
                {
                    items.Add(ContentItemJson.Write(item));
                }
            }
            else
            {
                foreach (var doc in docs)
                {
                    var stored = new JsonObject();
                    foreach (var field in doc.Fields)
                    {
                        stored[field.Name] = field.GetStringValue(CultureInfo.InvariantCulture) ?? field.GetInt64Value()?.ToString(CultureInfo.InvariantCulture);
                    }

                    items.Add(stored);
                }
            }

            return (items, top.TotalHits);
        }
        finally
        {
            for (var i = 0; i < live.Count; i++)
            {
                live[i].Release(searchers[i]);
            }
        }
    }
}
