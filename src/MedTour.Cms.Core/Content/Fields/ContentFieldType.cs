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
        // The forms the editor and recipes store, read without the general parser (a few µs per read of a page or API field).
        if (TryParseStored(text, out value))
        {
            return true;
        }

        var ok = DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value);
        value = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return ok;
    }

    // yyyy-MM-dd or yyyy-MM-ddTHH:mm:ssZ, as UTC: what DateTime.TryParse below makes of them; anything else goes there.
    private static bool TryParseStored(string text, out DateTime value)
    {
        value = default;
        if (text is not { Length: 10 or 20 } || text[4] != '-' || text[7] != '-'
            || (text.Length == 20 && (text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')))
        {
            return false;
        }

        var span = text.AsSpan();
        int hour = 0, minute = 0, second = 0;
        if (!Digits(span[..4], out var year) || !Digits(span[5..7], out var month) || !Digits(span[8..10], out var day)
            || (text.Length == 20 && (!Digits(span[11..13], out hour) || !Digits(span[14..16], out minute) || !Digits(span[17..19], out second))))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> span, out int number) =>
        int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out number);

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
