using System.Text.Json.Nodes;
using Fluid;
using Fluid.Values;
using MedTour.Cms.Display;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Search.Queries;

/// <summary>
/// <c>{% assign posts = "RecentArticles" | query: size: 3 %}</c>: runs a named query from a template (named arguments
/// are its parameters); the result is a list of content items (or stored documents). An unknown query is an empty list.
/// </summary>
public sealed class QueryLiquidFilter : ILiquidFilterProvider
{
    public void Register(TemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Filters.AddFilter("query", async (input, arguments, context) =>
        {
            if (context.AmbientValues[PageRenderer.ServicesKey] is not IServiceProvider services)
            {
                return NilValue.Instance;
            }

            var runner = services.GetRequiredService<QueryRunner>();
            if (await runner.FindAsync(input.ToStringValue()) is not { } query)
            {
                return new ArrayValue([]);
            }

            var parameters = arguments.Names.ToDictionary(n => n, n => (JsonNode?)JsonValue.Create(arguments[n].ToObjectValue()?.ToString()));
            foreach (var name in arguments.Names)
            {
                if (arguments[name] is NumberValue number)
                {
                    parameters[name] = JsonValue.Create(number.ToNumberValue());
                }
            }

            try
            {
                var (items, _) = await runner.RunAsync(query, parameters);
                // Written items hold DateTime values; the Liquid model reads JSON text values.
                return FluidValue.Create(items.OfType<JsonObject>().Select(i => (object?)LiquidModel.From(JsonNode.Parse(i.ToJsonString())!.AsObject())).ToList(), context.Options);
            }
            catch (QueryDslException)
            {
                return new ArrayValue([]);
            }

        });
    }
}
