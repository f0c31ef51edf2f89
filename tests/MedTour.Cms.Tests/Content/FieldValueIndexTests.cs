using System.Text.Json.Nodes;
using MedTour.Cms.Content.Fields;

namespace MedTour.Cms.Tests.Content;

/// <summary>A field's indexed value is the same whether the item came from JSON (a recipe, a form) or was built in code.</summary>
public sealed class FieldValueIndexTests
{
    private static readonly ContentFieldType Numeric = ContentFieldType.BuiltIn.Single(t => t.Name == "NumericField");

    [Fact]
    public void A_number_set_in_code_as_an_int_or_a_decimal_is_indexed_like_one_parsed_from_json()
    {
        var fromJson = Numeric.IndexValues(JsonNode.Parse("""{ "Value": 5 }""")!.AsObject()).Single();
        var fromInt = Numeric.IndexValues(new JsonObject { ["Value"] = 5 }).Single();
        var fromDecimal = Numeric.IndexValues(new JsonObject { ["Value"] = 5.5m }).Single();

        Assert.Equal(5d, fromJson.Number);
        Assert.Equal(5d, fromInt.Number);
        Assert.Equal(5.5d, fromDecimal.Number);
    }
}
