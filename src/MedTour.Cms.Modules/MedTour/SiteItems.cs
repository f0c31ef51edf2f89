using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Caching;
using MedTour.Cms.Display;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.MedTour;

/// <summary>
/// Published items and terms as views want them: the item's data plus its <c>Url</c>, each shown item tagged for
/// the output cache. Reads through <see cref="PublishedContent"/> (cached per tenant, batched). Scoped; a
/// taxonomy's terms are built once per request.
/// </summary>
public sealed class SiteItems(PublishedContent published, LiquidModelCache models, CacheTags tags, CurrentTenant tenant, IHttpContextAccessor http)
{
    private readonly Dictionary<string, List<Dictionary<string, object?>>> _taxonomies = new(StringComparer.Ordinal);

    public PublishedContent Published => published;

    public string PathBase => http.HttpContext?.Request.PathBase.Value ?? string.Empty;

    public async Task<List<Dictionary<string, object?>>> LoadAsync(IReadOnlyCollection<string> ids) =>
        await ModelsAsync(await published.GetManyAsync(ids));

    /// <summary>A named (cached) query's items as models.</summary>
    public async Task<List<Dictionary<string, object?>>> ListAsync(string queryKey, Func<ContentQueryFactory, Task<IReadOnlyList<ContentItem>>> query) =>
        await ModelsAsync(await published.ListAsync(queryKey, query));

    public async Task<List<Dictionary<string, object?>>> ModelsAsync(IReadOnlyList<ContentItem> items)
    {
        var paths = await published.PathsAsync([.. items.Select(i => i.ContentItemId)]);
        return [.. items.Select(item =>
        {
            tags.Add(CacheTags.Item(tenant.Name, item.ContentItemId));
            var model = models.CopyOf(item);
            model["Url"] = paths.TryGetValue(item.ContentItemId, out var path) ? PathBase + "/" + path : null;
            return model;
        })];
    }

    public async Task<Dictionary<string, object?>?> LoadOneAsync(string? id) =>
        id is null ? null : (await LoadAsync([id])).FirstOrDefault();

    /// <summary>The terms of a taxonomy, in their order, each with its URL.</summary>
    public async Task<List<Dictionary<string, object?>>> TermsAsync(string taxonomyId)
    {
        if (_taxonomies.TryGetValue(taxonomyId, out var cached))
        {
            return cached;
        }

        var taxonomy = await published.GetAsync(taxonomyId);
        tags.Add(CacheTags.Item(tenant.Name, taxonomyId));
        // A term stored without an id (odd data) cannot be linked, picked or filtered by: it is left out.
        var terms = (taxonomy?.FindPart("TaxonomyPart")?["Terms"] as JsonArray)?.OfType<JsonObject>().Where(t => t["ContentItemId"].AsText() is { Length: > 0 }).Select(term =>
        {
            var model = LiquidModel.From(term);
            model["Url"] = term["AutoroutePart"]?["Path"].AsText() is { } path ? PathBase + "/" + path : null;
            return model;
        }).ToList() ?? [];
        _taxonomies[taxonomyId] = terms;
        return terms;
    }

    /// <summary>The terms a TaxonomyField picked.</summary>
    public async Task<List<Dictionary<string, object?>>> PickedTermsAsync(JsonNode? field)
    {
        if (field?["TaxonomyContentItemId"].AsText() is not { } taxonomyId)
        {
            return [];
        }

        var picked = Ids(field, "TermContentItemIds");
        var terms = await TermsAsync(taxonomyId);
        return [.. picked.Select(id => terms.Find(t => (string?)t["ContentItemId"] == id)).OfType<Dictionary<string, object?>>()];
    }

    public static List<string> Ids(JsonNode? field, string property = "ContentItemIds") =>
        field?[property] is JsonArray ids ? [.. ids.Select(i => i.AsText()).OfType<string>()] : [];

    public static string? Text(JsonNode? field) => field?["Text"].AsText();

    public static string? MediaPath(JsonNode? field) => field?["Paths"] is JsonArray { Count: > 0 } paths ? paths[0].AsText() : null;
}
