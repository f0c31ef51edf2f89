using System.Text.Json.Nodes;
using MedTour.Cms.Data;
using MedTour.Cms.Modules.Search.Analysis;
using MedTour.Cms.Recipes;

namespace MedTour.Cms.Modules.Search.Queries;

/// <summary>
/// Orchard's <c>Queries</c> step: named Lucene queries (<c>Source, Name, Index, Template, ReturnContentItems, Schema</c>),
/// each template checked (Liquid, then the DSL) before anything is saved. Other sources (SQL) are refused by name.
/// </summary>
public sealed class QueriesStep(DocumentStore documents) : IRecipeStepHandler
{
    public string Name => "Queries";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var declared = context.RequiredArray("Queries");
        var queries = new Dictionary<string, QueryDefinition>(await documents.GetAsync<Dictionary<string, QueryDefinition>>(QueryDefinition.DocumentName) ?? [], StringComparer.Ordinal);
        using var analyzer = CultureAnalyzers.For("en");
        for (var i = 0; i < declared.Count; i++)
        {
            var path = $"Queries[{i}]";
            if (declared[i] is not JsonObject json)
            {
                throw RecipeStepContext.Error(path, "a query is an object.");
            }

            var query = new QueryDefinition
            {
                Name = RecipeStepContext.RequiredString(json["Name"], $"{path}.Name"),
                Source = json["Source"]?.GetValue<string>() ?? "Lucene",
                Index = json["Index"]?.GetValue<string>() ?? "Search",
                Template = RecipeStepContext.RequiredString(json["Template"], $"{path}.Template"),
                ReturnContentItems = json["ReturnContentItems"]?.GetValue<bool>() ?? false,
                Schema = json["Schema"]?.GetValue<string>(),
            };
            if (!string.Equals(query.Source, "Lucene", StringComparison.OrdinalIgnoreCase))
            {
                throw RecipeStepContext.Error($"{path}.Source", $"'{query.Source}' queries are not supported; only Lucene.");
            }

            if (!string.Equals(query.Index, "Search", StringComparison.OrdinalIgnoreCase))
            {
                throw RecipeStepContext.Error($"{path}.Index", $"there is no index '{query.Index}'; the only one is 'Search'.");
            }

            if (QueryTemplate.SyntaxError(query.Template) is { } liquidError)
            {
                throw RecipeStepContext.Error($"{path}.Template", "not valid Liquid: " + liquidError);
            }

            // Checked with no parameters. A template whose JSON is only whole once its caller's parameters are written
            // in ("size": {{ size }}) is checked when it runs; any other mistake in the DSL is refused here.
            var rendered = await QueryTemplate.RenderAsync(query.Template, new Dictionary<string, JsonNode?>());
            if (!QueryTemplate.HasLiquid(query.Template) || IsJson(rendered))
            {
                try
                {
                    LuceneQueryDsl.Parse(rendered, analyzer);
                }
                catch (QueryDslException e)
                {
                    throw RecipeStepContext.Error($"{path}.Template", e.Message);
                }
            }

            queries[query.Name] = query;
        }

        await documents.SaveAsync(QueryDefinition.DocumentName, queries);
    }

    private static bool IsJson(string text)
    {
        try
        {
            JsonNode.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
