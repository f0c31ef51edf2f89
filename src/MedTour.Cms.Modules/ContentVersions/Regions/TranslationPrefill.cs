using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Data;
using MedTour.Cms.Modules.MediaAdmin.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Versions.Regions;

/// <summary>What a source item's pickers point at on its own site: each picked id's localization set.</summary>
public sealed record SourceReferences(IReadOnlyDictionary<string, string> SetOfPicked);

/// <summary>A counterpart prefilled from another region's item, and the fields whose references did not carry over.</summary>
public sealed record Prefilled(ContentItem Item, IReadOnlyList<string> NotCarried);

/// <summary>
/// Makes the draft counterpart of an item from another region: its text as it is, a new id, the same localization set,
/// the chosen culture, no path (made from the title here) and no schedule. References are ids and paths of the source's
/// site, so each is carried only when it means something here: a picked item that exists here with the same id, else
/// this site's member of the picked item's localization set (in the counterpart's culture when there is one); a term of
/// this site's taxonomy; a media file of this site's library. The rest is left out and named, for the translator to pick.
/// </summary>
public static class TranslationPrefill
{
    public static async Task<SourceReferences> CollectAsync(ContentItem source, IServiceProvider sourceServices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var ids = Fields(source).SelectMany(f => Ids(f.Field, "ContentItemIds")).Distinct(StringComparer.Ordinal).ToList();
        var db = sourceServices.GetRequiredService<CmsDbContext>();
        var sets = ids.Count == 0 ? [] : await db.Localizations.AsNoTracking().Where(l => ids.Contains(l.ContentItemId))
            .Select(l => new { l.ContentItemId, l.LocalizationSet }).ToListAsync(cancellationToken);
        return new SourceReferences(sets.DistinctBy(s => s.ContentItemId).ToDictionary(s => s.ContentItemId, s => s.LocalizationSet, StringComparer.Ordinal));
    }

    /// <summary>The counterpart in <paramref name="culture"/>, with references resolved on the site of <paramref name="services"/> (this request's).</summary>
    public static async Task<Prefilled> MakeAsync(ContentItem source, SourceReferences references, string culture, IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(references);
        var copy = source.CloneVersion();
        copy.ContentItemId = string.Empty;
        copy.ContentItemVersionId = string.Empty;
        copy.CreatedUtc = null;
        copy.PublishedUtc = null;
        copy.Owner = null;
        copy.Author = null;
        copy.Published = false;
        copy.FindPart("AutoroutePart")?.Remove("Path");
        copy.FindPart("PublishLaterPart")?.Remove("ScheduledPublishUtc");
        var localization = copy.Part(ContentTranslator.Part);
        localization["Culture"] = culture;
        localization["LocalizationSet"] = ContentTranslator.SetOf(source);

        var db = services.GetRequiredService<CmsDbContext>();
        var media = services.GetRequiredService<MediaLibrary>();
        var notCarried = new List<string>();
        foreach (var (path, field) in Fields(copy).ToList())
        {
            var carried = field.ContainsKey("ContentItemIds") ? await PickedAsync(field, references, culture, db, cancellationToken)
                : field.ContainsKey("TermContentItemIds") ? await TermsAsync(field, db, cancellationToken)
                : field.ContainsKey("Paths") ? MediaFiles(field, media)
                : true;
            if (!carried)
            {
                notCarried.Add(path);
            }
        }

        return new Prefilled(copy, notCarried);
    }

    private static async Task<bool> PickedAsync(JsonObject field, SourceReferences references, string culture, CmsDbContext db, CancellationToken cancellationToken)
    {
        var ids = Ids(field, "ContentItemIds").ToList();
        var here = await db.ContentItems.AsNoTracking().Where(x => ids.Contains(x.ContentItemId) && x.Latest).Select(x => x.ContentItemId).ToListAsync(cancellationToken);
        var sets = ids.Where(id => !here.Contains(id)).Select(id => references.SetOfPicked.GetValueOrDefault(id)).OfType<string>().ToList();
        var members = sets.Count == 0 ? [] : await db.Localizations.AsNoTracking().Where(l => sets.Contains(l.LocalizationSet))
            .Select(l => new { l.ContentItemId, l.LocalizationSet, l.Culture }).ToListAsync(cancellationToken);
        var mapped = ids.Select(id => here.Contains(id) ? id
                : references.SetOfPicked.GetValueOrDefault(id) is { } set
                    ? members.Where(m => m.LocalizationSet == set).OrderByDescending(m => string.Equals(m.Culture, culture, StringComparison.OrdinalIgnoreCase)).Select(m => m.ContentItemId).FirstOrDefault()
                    : null)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        field["ContentItemIds"] = new JsonArray([.. mapped.Select(id => (JsonNode)id)]);
        return mapped.Count == ids.Count;
    }

    private static async Task<bool> TermsAsync(JsonObject field, CmsDbContext db, CancellationToken cancellationToken)
    {
        var ids = Ids(field, "TermContentItemIds").ToList();
        var taxonomyId = field["TaxonomyContentItemId"]?.ToString();
        var json = taxonomyId is null ? null : await db.ContentItems.AsNoTracking().Where(x => x.ContentItemId == taxonomyId && x.Latest).Select(x => x.Data).FirstOrDefaultAsync(cancellationToken);
        var known = json is null ? [] : AllIds(JsonNode.Parse(json)).ToHashSet(StringComparer.Ordinal);
        var kept = ids.Where(known.Contains).ToList();
        field["TermContentItemIds"] = new JsonArray([.. kept.Select(id => (JsonNode)id)]);
        return kept.Count == ids.Count;
    }

    private static bool MediaFiles(JsonObject field, MediaLibrary media)
    {
        var paths = Ids(field, "Paths").ToList();
        var texts = field["MediaTexts"] as JsonArray;
        var kept = paths.Select((p, i) => (Path: p, Text: texts is not null && i < texts.Count ? texts[i]?.ToString() : null)).Where(p => media.Find(p.Path) is not null).ToList();
        field["Paths"] = new JsonArray([.. kept.Select(p => (JsonNode)p.Path)]);
        if (texts is not null)
        {
            field["MediaTexts"] = new JsonArray([.. kept.Select(p => (JsonNode?)p.Text)]);
        }

        return kept.Count == paths.Count;
    }

    /// <summary>Every field-shaped object of the item: <c>Part.Field</c> and the object.</summary>
    private static IEnumerable<(string Path, JsonObject Field)> Fields(ContentItem item) =>
        from part in item.Content
        where part.Value is JsonObject
        from field in (JsonObject)part.Value!
        where field.Value is JsonObject
        select ($"{part.Key}.{field.Key}", (JsonObject)field.Value!);

    private static IEnumerable<string> Ids(JsonObject field, string property) =>
        (field[property] as JsonArray ?? []).Select(n => n?.ToString()).OfType<string>().Where(s => s.Length > 0);

    private static IEnumerable<string> AllIds(JsonNode? node) => node switch
    {
        JsonObject o => (o["ContentItemId"]?.ToString() is { } id ? [id] : Enumerable.Empty<string>()).Concat(o.SelectMany(p => AllIds(p.Value))),
        JsonArray a => a.SelectMany(AllIds),
        _ => [],
    };
}
