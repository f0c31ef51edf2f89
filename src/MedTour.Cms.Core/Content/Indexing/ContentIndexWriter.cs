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
public sealed class ContentIndexWriter(CmsDbContext db, ContentFieldTypes fieldTypes)
{
    private const int Chunk = 400;

    public async Task WriteAsync(IReadOnlyList<ItemVersions> items, ContentDefinition definition, CancellationToken cancellationToken = default)
    {
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
        db.FieldIndex.AddRange(items.SelectMany(i => FieldRowsOf(i, definition)));
    }

    private static IEnumerable<RouteRecord> RoutesOf(ItemVersions item)
    {
        var latest = PathOf(item.Latest);
        var published = PathOf(item.Published);
        if (latest is not null && published is not null && latest.Value == published.Value)
        {
            yield return Route(item.ContentItemId, latest.Value, forPublished: true, forLatest: true);
            yield break;
        }

        if (published is not null)
        {
            yield return Route(item.ContentItemId, published.Value, forPublished: true, forLatest: false);
        }

        if (latest is not null)
        {
            yield return Route(item.ContentItemId, latest.Value, forPublished: false, forLatest: true);
        }
    }

    private static RouteRecord Route(string id, (string Culture, string Path) route, bool forPublished, bool forLatest) =>
        new() { ContentItemId = id, Culture = route.Culture, Path = route.Path, ForPublished = forPublished, ForLatest = forLatest };

    private static (string Culture, string Path)? PathOf(ContentItem? version)
    {
        var path = version?.FindPart("AutoroutePart")?["Path"]?.GetValue<string>();
        return string.IsNullOrEmpty(path) ? null : (AutoroutePartHandler.CultureOf(version!), path);
    }

    private async Task CheckRoutesAsync(List<RouteRecord> routes, IReadOnlyList<ItemVersions> items, CancellationToken cancellationToken)
    {
        var errors = new List<ContentValidationError>();
        foreach (var duplicate in routes.GroupBy(r => (r.Culture, r.Path)).Where(g => g.Select(r => r.ContentItemId).Distinct().Count() > 1))
        {
            errors.Add(new ContentValidationError("AutoroutePart.Path",
                $"the path '{duplicate.Key.Path}' is given to several items ({string.Join(", ", duplicate.Select(r => r.ContentItemId).Distinct())})."));
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
        var set = part?["LocalizationSet"]?.GetValue<string>();
        var culture = part?["Culture"]?.GetValue<string>();
        return set is null || culture is null
            ? null
            : new LocalizationRecord { ContentItemId = item.ContentItemId, LocalizationSet = set, Culture = culture, Published = item.Published is not null };
    }

    private IEnumerable<FieldIndexRecord> FieldRowsOf(ItemVersions item, ContentDefinition definition)
    {
        var versions = item.Latest is not null && item.Published is not null && item.Latest.ContentItemVersionId == item.Published.ContentItemVersionId
            ? [item.Latest]
            : new[] { item.Latest, item.Published }.OfType<ContentItem>();
        foreach (var version in versions)
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
                        yield return new FieldIndexRecord
                        {
                            ContentItemId = version.ContentItemId,
                            ContentItemVersionId = version.ContentItemVersionId,
                            ContentType = version.ContentType,
                            PartName = typePart.Name,
                            FieldName = field.Name,
                            Latest = version.Latest,
                            Published = version.Published,
                            Text = value.Text is { Length: > FieldIndexRecord.MaxTextLength } text ? text[..FieldIndexRecord.MaxTextLength] : value.Text,
                            Number = value.Number,
                            Date = value.Date,
                            Boolean = value.Boolean,
                        };
                    }
                }
            }
        }
    }
}
