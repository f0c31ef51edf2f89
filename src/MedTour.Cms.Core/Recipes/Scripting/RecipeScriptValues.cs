using System.Globalization;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Json;

namespace MedTour.Cms.Recipes.Scripting;

/// <summary>Converts between script values and JSON. Only data crosses: no CLR object ever reaches a script.</summary>
public static class RecipeScriptValues
{
    private const double MaxExactInteger = 9_007_199_254_740_992d;

    public static JsonNode? ToJson(Engine engine, JsValue value)
    {
        if (value.IsNull() || value.IsUndefined())
        {
            return null;
        }

        if (value.IsString())
        {
            return JsonValue.Create(value.AsString());
        }

        if (value.IsBoolean())
        {
            return JsonValue.Create(value.AsBoolean());
        }

        if (value.IsNumber())
        {
            var number = value.AsNumber();
            if (!double.IsFinite(number))
            {
                throw new RecipeScriptException($"the result {number} is not a JSON number.");
            }

            // Parsed rather than created, so that the value reads as any numeric type, like one read from the recipe file.
            var text = Math.Floor(number) == number && Math.Abs(number) <= MaxExactInteger
                ? ((long)number).ToString(CultureInfo.InvariantCulture)
                : number.ToString("R", CultureInfo.InvariantCulture);
            return JsonNode.Parse(text);
        }

        var json = new JsonSerializer(engine).Serialize(value);
        return json.IsString() ? JsonNode.Parse(json.AsString()) : null;
    }

    public static JsValue ToScript(Engine engine, JsonNode? node) => node switch
    {
        null => JsValue.Null,
        JsonValue v when v.TryGetValue<string>(out var text) => new JsString(text),
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag ? JsBoolean.True : JsBoolean.False,
        JsonValue v when v.TryGetValue<double>(out var number) => new JsNumber(number),
        _ => new JsonParser(engine).Parse(node.ToJsonString()),
    };
}
