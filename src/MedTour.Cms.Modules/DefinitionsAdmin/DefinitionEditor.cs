using System.Text.Json;
using System.Text.Json.Nodes;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Content.Fields;
using MedTour.Cms.Content.Parts;
using MedTour.Cms.Data;
using MedTour.Cms.Recipes;
using MedTour.Cms.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.DefinitionsAdmin;

/// <summary>
/// Changes the tenant's content definition for the admin. Adds and edits go through the ContentDefinition recipe step
/// (its checks and messages: names, known parts, known field types), run by <see cref="RecipeExecutor"/> in one
/// transaction that moves the change stamp, so other hosts reload the definition. Items are never rewritten: a removed
/// field's value stays in their JSON. Scoped.
/// </summary>
public sealed class DefinitionEditor(
    ContentDefinitionManager definitions,
    RecipeExecutor executor,
    IEnumerable<IContentPartHandler> partHandlers,
    ContentFieldTypes fieldTypes,
    CmsDbContext db,
    UnitOfWork unitOfWork,
    TenantChangeNotifier changes)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.General);

    public Task<ContentDefinition> GetAsync() => definitions.GetAsync();

    public IEnumerable<string> FieldTypes => fieldTypes.Names.Order(StringComparer.Ordinal);

    /// <summary>Parts a type may use: the built-in ones and the parts defined on this site (a type's own part is its own).</summary>
    public IReadOnlyList<string> AttachableParts(ContentDefinition definition, string typeName)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return [.. partHandlers.Select(h => h.PartName)
            .Concat(definition.ContentPartDefinitionRecords.Select(p => p.Name))
            .Where(p => p != typeName && definition.FindType(p) is null)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>A copy to change: the cached definition is shared by every request and never changed in place.</summary>
    public static T Copy<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, JsonOptions), JsonOptions)!;

    /// <summary>Adds or replaces a type and/or a part. Throws <see cref="DefinitionException"/> naming what is wrong; nothing is saved then.</summary>
    public async Task SaveAsync(ContentTypeDefinition? type, ContentPartDefinition? part, CancellationToken cancellationToken = default)
    {
        var step = new JsonObject { ["name"] = "ContentDefinition" };
        if (part is not null)
        {
            step["ContentParts"] = new JsonArray(JsonSerializer.SerializeToNode(part, JsonOptions));
        }

        if (type is not null)
        {
            step["ContentTypes"] = new JsonArray(JsonSerializer.SerializeToNode(type, JsonOptions));
        }

        var recipe = new RecipeDescriptor("admin", "admin", new JsonObject { ["name"] = "admin", ["steps"] = new JsonArray(step) });
        try
        {
            await executor.ExecuteAsync(recipe, RecipeImportOptions.Default, cancellationToken);
        }
        catch (RecipeException e) when (e.InnerException is RecipeStepException step2)
        {
            throw new DefinitionException(step2.PathInStep, step2.Message);
        }

        // Committed: pages cached with the old definition go.
        await changes.NotifyAfterCommitAsync();
    }

    /// <summary>Removes a type (and its own part when no other type uses it). Refused while items of the type exist.</summary>
    public async Task RemoveTypeAsync(string typeName, CancellationToken cancellationToken = default)
    {
        var count = await db.ContentItems.CountAsync(r => r.ContentType == typeName && r.Latest, cancellationToken);
        if (count > 0)
        {
            throw new DefinitionException("type", $"{count} item(s) of type '{typeName}' exist; delete them before removing the type.");
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var next = Copy(await definitions.GetAsync(cancellationToken));
        next.ContentTypeDefinitionRecords.RemoveAll(t => t.Name == typeName);
        if (!next.ContentTypeDefinitionRecords.Exists(t => t.HasPart(typeName)))
        {
            next.ContentPartDefinitionRecords.RemoveAll(p => p.Name == typeName);
        }

        await definitions.SaveAsync(next, cancellationToken);
        await changes.NotifyAfterCommitAsync();
        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>A definition change refused: <see cref="Path"/> is where (e.g. <c>ContentParts[0].ContentPartFieldDefinitionRecords[2].FieldName</c>).</summary>
public sealed class DefinitionException(string path, string message) : Exception(message)
{
    public string Path { get; } = path;
}
