using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Display;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.Roles;

namespace MedTour.Cms.Modules.ContentEditor.Editing;

/// <summary>
/// The editor's references to other items: titles of picked items and the terms of taxonomies (to show), whether
/// picked ids exist and are of an allowed type (to save), and terms typed in to be created with the save. Scoped.
/// </summary>
public sealed class EditorReferences(ContentManager content, AdminRequest admin)
{
    private AdminRequest Admin { get; } = admin;

    /// <summary>Fills the choices: picked items' titles, every term of each taxonomy. Two queries at most.</summary>
    public async Task DescribeAsync(IReadOnlyList<EditorField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var (picked, taxonomies) = await LoadAsync(fields);
        foreach (var field in fields)
        {
            if (field.Kind == EditorKind.ContentPicker)
            {
                field.Choices = [.. field.Values.Select(id => (id, picked.TryGetValue(id, out var item) ? item.DisplayText : id))];
            }
            else if (field.Kind == EditorKind.Taxonomy && field.TaxonomyId is { } taxonomyId && taxonomies.TryGetValue(taxonomyId, out var taxonomy))
            {
                field.Choices = [.. Terms(taxonomy).Select(t => (t["ContentItemId"].AsText()!, t["DisplayText"].AsText() ?? t["TitlePart"]?["Title"].AsText() ?? string.Empty))];
            }
        }
    }

    /// <summary>Every picked id must be an item (not removed) of an allowed type; every term one of its taxonomy's.</summary>
    public async Task CheckAsync(IReadOnlyList<EditorField> fields, FormErrors errors)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(errors);
        var (picked, taxonomies) = await LoadAsync(fields);
        foreach (var field in fields)
        {
            if (field.Kind == EditorKind.ContentPicker)
            {
                foreach (var id in field.Values)
                {
                    if (!picked.TryGetValue(id, out var item))
                    {
                        errors.Add(field.Name, Admin.T("{0}: there is no item '{1}'.", field.Label, id));
                    }
                    else if (field.AllowedTypes.Count > 0 && !field.AllowedTypes.Contains(item.ContentType))
                    {
                        errors.Add(field.Name, Admin.T("{0}: '{1}' is a {2}; choose a {3}.", field.Label, item.DisplayText, item.ContentType, string.Join(", ", field.AllowedTypes)));
                    }
                }
            }
            else if (field.Kind == EditorKind.Taxonomy)
            {
                var known = field.TaxonomyId is { } t && taxonomies.TryGetValue(t, out var taxonomy)
                    ? Terms(taxonomy).Select(x => x["ContentItemId"].AsText()).ToHashSet(StringComparer.Ordinal)
                    : [];
                foreach (var id in field.Values.Where(id => !known.Contains(id)))
                {
                    errors.Add(field.Name, Admin.T("{0}: '{1}' is not a term of this taxonomy.", field.Label, id));
                }

                if (!field.Multiple && field.Values.Count + (field.NewTerm.Length > 0 ? 1 : 0) > 1)
                {
                    errors.Add(field.Name, Admin.T("{0}: choose one term only.", field.Label));
                }
            }
        }
    }

    /// <summary>
    /// Adds each typed new term to its taxonomy (a term of the same title is reused) and picks it. Runs in the
    /// caller's transaction, so a save that fails afterwards creates no term. Needs Create permission on the term type.
    /// </summary>
    public async Task CreateTermsAsync(IReadOnlyList<EditorField> fields, FormErrors errors)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var field in fields.Where(f => f.Kind == EditorKind.Taxonomy && f.NewTerm.Length > 0 && f.TaxonomyId is not null))
        {
            var taxonomy = await content.GetAsync(field.TaxonomyId!, VersionOptions.Latest);
            var part = taxonomy?.FindPart("TaxonomyPart");
            var termType = part?["TermContentType"].AsText();
            if (taxonomy is null || part is null || termType is null)
            {
                errors.Add(field.Name + ".New", Admin.T("{0}: this taxonomy cannot take new terms.", field.Label));
                continue;
            }

            if (!await Admin.CanAsync(ContentVerb.Create, termType, null))
            {
                errors.Add(field.Name + ".New", Admin.T("{0}: you may not create terms here.", field.Label));
                continue;
            }

            var terms = part["Terms"] as JsonArray ?? [];
            part["Terms"] = terms;
            var existing = terms.OfType<JsonObject>().FirstOrDefault(t => string.Equals(t["DisplayText"].AsText(), field.NewTerm, StringComparison.OrdinalIgnoreCase));
            var id = existing?["ContentItemId"].AsText() ?? await AddTermAsync(taxonomy, terms, termType, field.NewTerm);
            if (!field.Values.Contains(id))
            {
                field.Values.Add(id);
            }
        }
    }

    private async Task<string> AddTermAsync(ContentItem taxonomy, JsonArray terms, string termType, string title)
    {
        var id = ContentIds.New();
        var stem = Slug.From(title) is { Length: > 0 } slug ? slug : id;
        var taken = terms.OfType<JsonObject>().Select(t => t["AutoroutePart"]?["Path"].AsText()).ToHashSet(StringComparer.Ordinal);
        var basePath = taxonomy.FindPart("AutoroutePart")?["Path"].AsText() is { Length: > 0 } p ? p + "/" : string.Empty;
        var path = basePath + stem;
        for (var n = 2; taken.Contains(path); n++)
        {
            path = $"{basePath}{stem}-{n}";
        }

        var now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        terms.Add(new JsonObject
        {
            ["ContentItemId"] = id,
            ["ContentItemVersionId"] = ContentIds.New(),
            ["ContentType"] = termType,
            ["DisplayText"] = title,
            ["Latest"] = true,
            ["Published"] = true,
            ["CreatedUtc"] = now,
            ["ModifiedUtc"] = now,
            ["PublishedUtc"] = now,
            ["Owner"] = Admin.UserName,
            ["Author"] = Admin.UserName,
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["AutoroutePart"] = new JsonObject { ["Path"] = path },
        });
        await content.UpdateAsync(taxonomy);
        await content.PublishAsync(taxonomy);
        return id;
    }

    private async Task<(Dictionary<string, ContentItem> Picked, Dictionary<string, ContentItem> Taxonomies)> LoadAsync(IReadOnlyList<EditorField> fields)
    {
        var ids = fields.Where(f => f.Kind == EditorKind.ContentPicker).SelectMany(f => f.Values)
            .Concat(fields.Where(f => f.Kind == EditorKind.Taxonomy && f.TaxonomyId is not null).Select(f => f.TaxonomyId!))
            .Distinct(StringComparer.Ordinal).ToList();
        var items = (await content.GetManyAsync(ids, VersionOptions.Latest)).ToDictionary(i => i.ContentItemId, StringComparer.Ordinal);
        var taxonomyIds = fields.Where(f => f.Kind == EditorKind.Taxonomy).Select(f => f.TaxonomyId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return (items, items.Where(i => taxonomyIds.Contains(i.Key)).ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal));
    }

    private static IEnumerable<JsonObject> Terms(ContentItem taxonomy) =>
        (taxonomy.FindPart("TaxonomyPart")?["Terms"] as JsonArray)?.OfType<JsonObject>().Where(t => t["ContentItemId"].AsText() is { Length: > 0 }) ?? [];
}
