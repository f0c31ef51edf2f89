using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Fluid;

namespace MedTour.Cms.Modules.Search.Queries;

/// <summary>
/// A query's template is Liquid, as in Orchard: parameters are its variables (<c>{{ size | default: 10 }}</c>,
/// <c>"{{ type }}"</c>), and what it writes is JavaScript-encoded, so a string parameter cannot break out of the JSON
/// string it is written in. The result is the JSON of the query DSL. Stateless; thread-safe.
/// </summary>
public static class QueryTemplate
{
    private static readonly FluidParser Parser = new(new FluidParserOptions { AllowFunctions = false });
    private static readonly TemplateOptions Options = new() { MaxSteps = 10_000 };

    /// <summary>Null when the template is valid Liquid, else the parser's message.</summary>
    public static string? SyntaxError(string template) => Parser.TryParse(template, out _, out var error) ? null : error;

    /// <summary>True when what the template writes depends on parameters.</summary>
    public static bool HasLiquid(string template) =>
        template.Contains("{{", StringComparison.Ordinal) || template.Contains("{%", StringComparison.Ordinal);

    public static async Task<string> RenderAsync(string template, IReadOnlyDictionary<string, JsonNode?> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!Parser.TryParse(template, out var parsed, out var error))
        {
            throw new QueryDslException("Template", "not valid Liquid: " + error);
        }

        var context = new TemplateContext(Options);
        foreach (var (name, value) in parameters)
        {
            context.SetValue(name, Value(value));
        }

        return await parsed.RenderAsync(context, JavaScriptEncoder.Default);
    }

    private static object? Value(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag,
        JsonValue v when v.TryGetValue<decimal>(out var number) => number,
        JsonArray array => array.Select(Value).ToList(),
        JsonObject json => json.ToDictionary(p => p.Key, p => Value(p.Value)),
        _ => node.ToJsonString(),
    };
}
