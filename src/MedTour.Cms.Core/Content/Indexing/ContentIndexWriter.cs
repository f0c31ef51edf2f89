using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Content.Fields;
using MedTour.Cms.Content.Parts;
using MedTour.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Content.Indexing;

/// <summary>
/// Rewrites the index rows (routes, localization, typed field values) of a batch of items, in the caller's
/// transaction. Route conflicts are found before anything is written. Scoped.
/// </summary>
public sealed class ContentIndexWriter(CmsDbContext db, ContentFieldTypes fieldTypes, IEnumerable<IPartIndexer> partIndexers, IEnumerable<IContentIndexObserver> observers)
{
    private const int Chunk = 400;

    public async Task WriteAsync(IReadOnlyList<ItemVersions> items, ContentDefinition definition, CancellationToken cancellationToken = default)
    {
        // Rows saved before a part was taken off their type still carry it: it is not indexed.
        items = [.. items.Select(i => new ItemVersions(i.ContentItemId, Declared(i.Latest, definition), Declared(i.Published, definition)))];
        var routes = items.SelectMany(RoutesOf).ToList();
        await CheckRoutesAsync(routes, items, cancellationToken);

        foreach (var chunk in items.Select(i => i.ContentItemId).Chunk(Chunk))
        {
            await db.Routes.Where(r => chunk.Contains(r.ContentItemId)).ExecuteDeleteAsync(cancellationToken);
            await db.Localizations.Where(r => chunk.Contains(r.ContentItemId)).ExecuteDeleteAsync(cancellationToken);
            await db.FieldIndex.Where(r => chunk.Contains(r.ContentItemId)).ExecuteDeleteAsync(cancellationToken);
        }

        db.Routes.AddRange(routes);
        db.Localizations.AddRange(items.Select(LocalizationOf).OfType<LocalizationRecord>());
        db.FieldIndex.AddRange(items.SelectMany(i => FieldRowsOf(i, definition).Concat(PartRowsOf(i, definition))));
        foreach (var observer in observers)
        {
            observer.Writing(items);
        }
    }

    private static ContentItem? Declared(ContentItem? version, ContentDefinition definition) =>
        version is null ? null : DeclaredParts.OnlyDeclared(version, definition);

    private static IEnumerable<RouteRecord> RoutesOf(ItemVersions item)
    {
        var latest = PathsOf(item.Latest).ToList();
        var published = PathsOf(item.Published).ToList();
        foreach (var route in published)
        {
            yield return Route(item.ContentItemId, route, forPublished: true, forLatest: latest.Contains(route));
        }

        foreach (var route in latest.Except(published))
        {
            yield return Route(item.ContentItemId, route, forPublished: false, forLatest: true);
        }
    }

    private static RouteRecord Route(string id, RouteKey route, bool forPublished, bool forLatest) => new()
    {
        ContentItemId = id,
        ContainedContentItemId = route.Contained,
        Culture = route.Culture,
        Path = route.Path,
        ForPublished = forPublished,
        ForLatest = forLatest,
    };

    /// <summary>The item's own path and those of the terms inside its TaxonomyPart (Orchard's contained items).</summary>
    private static IEnumerable<RouteKey> PathsOf(ContentItem? version)
    {
        if (version is null)
        {
            yield break;
        }

        var culture = AutoroutePartHandler.CultureOf(version);
        if (PathOf(version) is { } own)
        {
            yield return new RouteKey(culture, own.Path, null);
        }

        if (version.FindPart("TaxonomyPart")?["Terms"] is System.Text.Json.Nodes.JsonArray terms)
        {
            foreach (var term in terms.OfType<System.Text.Json.Nodes.JsonObject>())
            {
                var path = term["AutoroutePart"]?["Path"].AsText();
                var id = term["ContentItemId"].AsText();
                if (!string.IsNullOrEmpty(path) && id is not null)
                {
                    yield return new RouteKey(culture, path.Trim('/'), id);
                }
            }
        }
    }

    private readonly record struct RouteKey(string Culture, string Path, string? Contained);

    private static (string Culture, string Path)? PathOf(ContentItem? version)
    {
        var path = version?.FindPart("AutoroutePart")?["Path"].AsText();
        return string.IsNullOrEmpty(path) ? null : (AutoroutePartHandler.CultureOf(version!), path);
    }

    private async Task CheckRoutesAsync(List<RouteRecord> routes, IReadOnlyList<ItemVersions> items, CancellationToken cancellationToken)
    {
        var errors = new List<ContentValidationError>();
        foreach (var duplicate in routes.GroupBy(r => (r.Culture, r.Path)).Where(g => g.Count() > 1))
        {
            errors.Add(new ContentValidationError("AutoroutePart.Path",
                $"the path '{duplicate.Key.Path}' is given to several items ({string.Join(", ", duplicate.Select(r => r.ContainedContentItemId ?? r.ContentItemId).Distinct())})."));
        }

        var batchIds = items.Select(i => i.ContentItemId).ToHashSet(StringComparer.Ordinal);
        foreach (var chunk in routes.Select(r => r.Path).Distinct().Chunk(Chunk))
        {
            var existing = await db.Routes.AsNoTracking().Where(r => chunk.Contains(r.Path)).ToListAsync(cancellationToken);
            foreach (var taken in existing.Where(e => !batchIds.Contains(e.ContentItemId)))
            {
                var claimant = routes.FirstOrDefault(r => r.Path == taken.Path && r.Culture == taken.Culture);
                if (claimant is not null)
                {
                    errors.Add(new ContentValidationError("AutoroutePart.Path",
                        $"the path '{taken.Path}' is already used by content item '{taken.ContentItemId}' (wanted by '{claimant.ContentItemId}')."));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }
    }

    private static LocalizationRecord? LocalizationOf(ItemVersions item)
    {
        var part = item.Latest?.FindPart("LocalizationPart");
        var set = part?["LocalizationSet"].AsText();
        var culture = part?["Culture"].AsText();
        return set is null || culture is null
            ? null
            : new LocalizationRecord { ContentItemId = item.ContentItemId, LocalizationSet = set, Culture = culture, Published = item.Published is not null };
    }

    private static IEnumerable<ContentItem> VersionsOf(ItemVersions item) =>
        item.Latest is not null && item.Published is not null && item.Latest.ContentItemVersionId == item.Published.ContentItemVersionId
            ? [item.Latest]
            : new[] { item.Latest, item.Published }.OfType<ContentItem>();

    private IEnumerable<FieldIndexRecord> PartRowsOf(ItemVersions item, ContentDefinition definition) =>
        from version in VersionsOf(item)
        from indexer in partIndexers
        from row in indexer.Index(version, definition.FindType(version.ContentType))
        select Row(version, indexer.PartName, row.Property, row.Value);

    private static FieldIndexRecord Row(ContentItem version, string partName, string fieldName, IndexedValue value) => new()
    {
        ContentItemId = version.ContentItemId,
        ContentItemVersionId = version.ContentItemVersionId,
        ContentType = version.ContentType,
        PartName = partName,
        FieldName = fieldName,
        Latest = version.Latest,
        Published = version.Published,
        Text = value.Text is { Length: > FieldIndexRecord.MaxTextLength } text ? text[..FieldIndexRecord.MaxTextLength] : value.Text,
        Number = value.Number,
        Date = value.Date,
        Boolean = value.Boolean,
    };

    private IEnumerable<FieldIndexRecord> FieldRowsOf(ItemVersions item, ContentDefinition definition)
    {
        foreach (var version in VersionsOf(item))
        {
            var type = definition.FindType(version.ContentType);
            if (type is null)
            {
                continue;
            }

            foreach (var typePart in type.ContentTypePartDefinitionRecords)
            {
                var part = definition.FindPart(typePart.PartName);
                var partJson = version.FindPart(typePart.Name);
                if (part is null || partJson is null)
                {
                    continue;
                }

                foreach (var field in part.ContentPartFieldDefinitionRecords)
                {
                    if (partJson[field.Name] is not System.Text.Json.Nodes.JsonObject fieldJson || fieldTypes.Find(field.FieldName) is not { } fieldType)
                    {
                        continue;
                    }

                    foreach (var value in fieldType.IndexValues(fieldJson))
                    {
                        yield return Row(version, typePart.Name, field.Name, value);
                    }
                }
            }
        }
    }
}
