using System.Text.Json;
using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Data;
using MedTour.Cms.Display;
using MedTour.Cms.Settings;
using MedTour.Cms.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Recipes.Export;

/// <summary>
/// Writes the current tenant as an Orchard Core recipe: ContentDefinition, Content (every item's latest version,
/// and its published version when a draft is ahead of it, with ids, dates, owner and author as stored), Settings
/// and Templates. Importing it into an empty tenant gives the same items. Scoped.
/// </summary>
public sealed class RecipeExporter(
    CmsDbContext db,
    ContentDefinitionManager definitions,
    SiteSettingsStore settings,
    DocumentStore documents,
    CurrentTenant tenant,
    TimeProvider clock)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.General);

    /// <summary>The whole tenant, or only the given content types (their definitions and items, no settings or templates).</summary>
    public async Task<JsonObject> ExportAsync(IReadOnlyCollection<string>? types = null, CancellationToken cancellationToken = default)
    {
        var definition = await definitions.GetAsync(cancellationToken);
        var filtered = types is { Count: > 0 };
        var unknown = filtered ? types!.Where(t => definition.FindType(t) is null).ToList() : [];
        if (unknown.Count > 0)
        {
            throw new RecipeException($"--types: no content type named {string.Join(", ", unknown.Select(t => $"'{t}'"))} in tenant '{tenant.Name}'.");
        }

        var typeNames = filtered ? types!.ToList() : definition.ContentTypeDefinitionRecords.Select(t => t.Name).ToList();
        var steps = new JsonArray
        {
            DefinitionStep(definition, typeNames),
            await ContentStepAsync(typeNames, cancellationToken),
        };
        if (!filtered)
        {
            var site = await settings.GetAsync();
            var settingsStep = new JsonObject { ["name"] = "Settings" };
            foreach (var (name, value) in site)
            {
                settingsStep[name] = value?.DeepClone();
            }

            steps.Add(settingsStep);
            var templates = await documents.GetAsync<Dictionary<string, TemplateSource>>(TemplateOverrides.DocumentName, cancellationToken);
            if (templates is { Count: > 0 })
            {
                steps.Add(new JsonObject { ["name"] = "Templates", ["Templates"] = JsonSerializer.SerializeToNode(templates, JsonOptions) });
            }
        }

        return new JsonObject
        {
            ["name"] = $"{tenant.Name}-export",
            ["displayName"] = $"{tenant.Settings.DisplayName ?? tenant.Name} (exported {clock.GetUtcNow().UtcDateTime:yyyy-MM-dd HH:mm} UTC)",
            ["description"] = $"Exported from tenant '{tenant.Name}'.",
            ["author"] = string.Empty,
            ["website"] = string.Empty,
            ["version"] = "1.0.0",
            ["issetuprecipe"] = false,
            ["categories"] = new JsonArray(),
            ["tags"] = new JsonArray(),
            ["steps"] = steps,
        };
    }

    private static JsonObject DefinitionStep(ContentDefinition definition, List<string> typeNames)
    {
        var types = definition.ContentTypeDefinitionRecords.Where(t => typeNames.Contains(t.Name)).ToList();
        var partNames = types.SelectMany(t => t.ContentTypePartDefinitionRecords.Select(p => p.PartName)).ToHashSet(StringComparer.Ordinal);
        var parts = definition.ContentPartDefinitionRecords.Where(p => partNames.Contains(p.Name)).ToList();
        return new JsonObject
        {
            ["name"] = "ContentDefinition",
            ["ContentTypes"] = JsonSerializer.SerializeToNode(types, JsonOptions),
            ["ContentParts"] = JsonSerializer.SerializeToNode(parts, JsonOptions),
        };
    }

    private async Task<JsonObject> ContentStepAsync(List<string> typeNames, CancellationToken cancellationToken)
    {
        var rows = await db.ContentItems
            .Where(x => (x.Latest || x.Published) && typeNames.Contains(x.ContentType))
            .OrderBy(x => x.Id)
            .ToListAsync(cancellationToken);

        // A published version behind a draft comes before it, so that importing puts the draft over it.
        var data = new JsonArray();
        foreach (var row in rows.OrderBy(r => r.Latest))
        {
            data.Add(ContentItemJson.Write(ContentRecords.ToItem(row)));
        }

        return new JsonObject { ["name"] = "Content", ["data"] = data };
    }
}
