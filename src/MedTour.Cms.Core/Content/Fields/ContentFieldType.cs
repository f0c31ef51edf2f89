using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedTour.Cms.Content.Fields;

/// <summary>
/// A field type: the property its value lives in (Orchard's shape) and how that value is checked and
/// indexed. Immutable; registered in DI so modules can add their own.
/// </summary>
public sealed record ContentFieldType(string Name, string ValueProperty, FieldValueKind Kind, bool IsHtml = false)
{
    public static readonly IReadOnlyList<ContentFieldType> BuiltIn =
    [
        new("TextField", "Text", FieldValueKind.Text),
        new("HtmlField", "Html", FieldValueKind.Text, IsHtml: true),
        new("MarkdownField", "Markdown", FieldValueKind.Text),
        new("NumericField", "Value", FieldValueKind.Number),
        new("BooleanField", "Value", FieldValueKind.Boolean),
        new("DateField", "Value", FieldValueKind.Date),
        new("DateTimeField", "Value", FieldValueKind.Date),
        new("LinkField", "Url", FieldValueKind.Text),
        new("ContentPickerField", "ContentItemIds", FieldValueKind.TextList),
        new("MediaField", "Paths", FieldValueKind.TextList),
        new("TaxonomyField", "TermContentItemIds", FieldValueKind.TextList),
        new("MultiTextField", "Values", FieldValueKind.TextList),
    ];

    /// <summary>Checks the value's JSON type; returns an error message or null.</summary>
    public string? CheckShape(JsonObject field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var value = field[ValueProperty];
        if (value is null)
        {
            return null;
        }

        var kind = value.GetValueKind();
        var ok = Kind switch
        {
            FieldValueKind.Text => kind == JsonValueKind.String,
            FieldValueKind.Number => kind == JsonValueKind.Number,
            FieldValueKind.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
            FieldValueKind.Date => kind == JsonValueKind.String && TryParseDate(value.GetValue<string>(), out _),
            FieldValueKind.TextList => value is JsonArray array && array.All(v => v?.GetValueKind() == JsonValueKind.String),
            _ => false,
        };
        return ok ? null : $"{ValueProperty}: expected {Expected}, found {Describe(value)}.";
    }

    public bool HasValue(JsonObject? field) => field?[ValueProperty] switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => !string.IsNullOrWhiteSpace(v.GetValue<string>()),
        _ => true,
    };

    /// <summary>The typed values to index for this field (none when empty).</summary>
    public IEnumerable<IndexedValue> IndexValues(JsonObject field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var value = field[ValueProperty];
        if (value is null || CheckShape(field) is not null)
        {
            yield break;
        }

        switch (Kind)
        {
            case FieldValueKind.Text:
                yield return new IndexedValue(Text: value.GetValue<string>());
                break;
            case FieldValueKind.Number:
                // Deserialize, not GetValue<double>: a value set in code holds an int or a decimal, not a JSON element.
                yield return new IndexedValue(Number: value.Deserialize<double>());
                break;
            case FieldValueKind.Boolean:
                yield return new IndexedValue(Boolean: value.GetValue<bool>());
                break;
            case FieldValueKind.Date:
                if (TryParseDate(value.GetValue<string>(), out var date))
                {
                    yield return new IndexedValue(Date: date);
                }

                break;
            case FieldValueKind.TextList:
                foreach (var entry in (JsonArray)value)
                {
                    yield return new IndexedValue(Text: entry!.GetValue<string>());
                }

                break;
        }
    }

    public static bool TryParseDate(string text, out DateTime value)
    {
        var ok = DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value);
        value = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return ok;
    }

    private string Expected => Kind switch
    {
        FieldValueKind.Text => "a string",
        FieldValueKind.Number => "a number",
        FieldValueKind.Boolean => "true or false",
        FieldValueKind.Date => "an ISO 8601 date string",
        _ => "an array of strings",
    };

    private static string Describe(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.String => $"\"{value.GetValue<string>()}\"",
        var kind => kind.ToString().ToLowerInvariant(),
    };
}

public readonly record struct IndexedValue(string? Text = null, double? Number = null, DateTime? Date = null, bool? Boolean = null);
