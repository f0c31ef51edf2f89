using System.Text.Json.Nodes;
using MedTour.Cms.Content;

namespace MedTour.Cms.Modules.Search.Indexing;

/// <summary>
/// Titles of what a batch of items points at (taxonomy terms, picked clinics and doctors), loaded in two queries per
/// batch so a document carries names, not ids. One per batch; not thread-safe.
/// </summary>
public sealed class ReferenceTitles
{
    private readonly Dictionary<string, string> _titles = new(StringComparer.Ordinal);

    public string? Find(string id) => _titles.GetValueOrDefault(id);

    public static async Task<ReferenceTitles> LoadAsync(ContentReader reader, IReadOnlyList<ContentItem> items)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            foreach (var field in Fields(item))
            {
                Add(ids, field["TaxonomyContentItemId"]);
                if (field["ContentItemIds"] is JsonArray picked)
                {
                    foreach (var id in picked)
                    {
                        Add(ids, id);
                    }
                }
            }
        }

        var titles = new ReferenceTitles();
        if (ids.Count == 0)
        {
            return titles;
        }

        foreach (var referenced in await reader.GetManyAsync(ids))
        {
            titles._titles[referenced.ContentItemId] = referenced.DisplayText;
            if (referenced.FindPart("TaxonomyPart")?["Terms"] is JsonArray terms)
            {
                titles.AddTerms(terms);
            }
        }

        return titles;
    }

    private void AddTerms(JsonArray terms)
    {
        foreach (var term in terms.OfType<JsonObject>())
        {
            var id = Text(term["ContentItemId"]);
            var title = Text(term["DisplayText"]) ?? Text(term["TitlePart"]?["Title"]);
            if (id is not null && title is not null)
            {
                _titles[id] = title;
            }

            if (term["Terms"] is JsonArray children)
            {
                AddTerms(children);
            }
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static void Add(HashSet<string> ids, JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var id) && id.Length > 0)
        {
            ids.Add(id);
        }
    }

    private static IEnumerable<JsonObject> Fields(ContentItem item) =>
        item.Content.Select(p => p.Value).OfType<JsonObject>().SelectMany(part => part.Select(f => f.Value).OfType<JsonObject>());
}
