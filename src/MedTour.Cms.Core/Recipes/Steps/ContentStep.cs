using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Content.Fields;
using MedTour.Cms.Recipes.Orchard;

namespace MedTour.Cms.Recipes.Steps;

/// <summary>
/// Orchard's "Content" step: imports the items of <c>data</c>, updating those that exist (by ContentItemId). Names
/// match in any casing. An item may come twice, as Orchard's exports write a draft beside its published version:
/// the published version (<c>"Latest": false</c>) is imported first, then the draft over it.
/// </summary>
public sealed class ContentStep(ContentManager contentManager, ContentDefinitionManager definitions, ContentFieldTypes fieldTypes) : IRecipeStepHandler
{
    public string Name => "Content";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.RequiredArray("data");
        var definition = await definitions.GetAsync();
        var items = new List<(ContentItem Item, int Index)>(data.Count);
        for (var i = 0; i < data.Count; i++)
        {
            if (data[i] is not JsonObject json)
            {
                throw RecipeStepContext.Error($"data[{i}]", "expected a content item (a JSON object).");
            }

            OrchardContentNames.Canonicalize(json, definition, fieldTypes);
            ContentItem item;
            try
            {
                item = ContentItemJson.Read(json);
            }
            catch (FormatException e)
            {
                throw RecipeStepContext.Error($"data[{i}]", e.Message);
            }

            if (definition.FindType(item.ContentType) is null)
            {
                throw RecipeStepContext.Error($"data[{i}].ContentType", $"content type '{item.ContentType}' is not defined.");
            }

            items.Add((item, i));
        }

        // Published versions that a later draft of the same item replaces as the latest go in first.
        var versioned = items.Where(x => x.Item.ContentItemId.Length > 0).GroupBy(x => x.Item.ContentItemId).Where(g => g.Count() > 1).SelectMany(g => g).ToHashSet();
        var behind = items.Where(x => versioned.Contains(x) && x.Item.Published && !x.Item.Latest).ToList();
        var rest = items.Except(behind).ToList();
        foreach (var batch in new[] { behind, rest }.Where(b => b.Count > 0))
        {
            await contentManager.ImportAsync([.. batch.Select(x => x.Item)], i => $"data[{batch[i].Index}]");
        }
    }
}
