using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Definitions;

namespace MedTour.Cms.Recipes.Steps;

/// <summary>Orchard's "Content" step: imports the items of <c>data</c>, updating those that exist (by ContentItemId).</summary>
public sealed class ContentStep(ContentManager contentManager, ContentDefinitionManager definitions) : IRecipeStepHandler
{
    public string Name => "Content";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.RequiredArray("data");
        var definition = await definitions.GetAsync();
        var items = new List<ContentItem>(data.Count);
        for (var i = 0; i < data.Count; i++)
        {
            if (data[i] is not JsonObject json)
            {
                throw RecipeStepContext.Error($"data[{i}]", "expected a content item (a JSON object).");
            }

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

            items.Add(item);
        }

        await contentManager.ImportAsync(items, i => $"data[{i}]");
    }
}
