using System.Text.Json.Nodes;
using MedTour.Cms.Data;
using MedTour.Cms.Modules.Search.Analysis;
using MedTour.Cms.Recipes;

namespace MedTour.Cms.Modules.Search.Queries;

/// <summary>
/// Orchard's <c>Queries</c> step: named Lucene queries (<c>Source, Name, Index, Template, ReturnContentItems, Schema</c>),
/// each template checked against the DSL before anything is saved. Other sources (SQL) are refused by name.
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

            try
            {
                LuceneQueryDsl.Parse(QueryRunner.Substitute(query.Template, new Dictionary<string, JsonNode?>()), analyzer);
            }
            catch (QueryDslException e)
            {
                throw RecipeStepContext.Error($"{path}.Template", e.Message);
            }

            queries[query.Name] = query;
        }

        await documents.SaveAsync(QueryDefinition.DocumentName, queries);
    }
}
