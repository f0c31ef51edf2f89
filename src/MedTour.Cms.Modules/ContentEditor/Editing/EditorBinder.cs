using System.Globalization;
using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.ContentEditor.Editing;

/// <summary>
/// Reads the editor's posted form into its fields (kept as typed, for a page shown again) and writes them into an
/// item's JSON in Orchard's shapes, with a message per field for what cannot be stored (a number that is not one, a
/// date that does not exist, an unsafe link). Scoped (messages in the admin culture).
/// </summary>
public sealed class EditorBinder(AdminRequest admin)
{
    private static readonly char[] ListSeparators = [',', ' ', '\n', '\r', '\t', ';'];

    private AdminRequest Admin { get; } = admin;

    public static void Read(IEnumerable<EditorField> fields, IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(form);
        foreach (var field in fields)
        {
            var posted = form[field.Name];
            field.Value = (posted.Count == 0 ? string.Empty : posted[0] ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal);
            switch (field.Kind)
            {
                case EditorKind.Boolean:
                    field.Value = posted.Contains("true") ? "true" : string.Empty;
                    break;
                case EditorKind.Link:
                    field.Value2 = form[field.Name + ".Text"].ToString();
                    break;
                case EditorKind.Media:
                    field.Values = Lines(field.Value);
                    field.Value2 = form[field.Name + ".MediaTexts"].ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
                    break;
                case EditorKind.MultiText:
                    field.Values = Lines(field.Value);
                    break;
                case EditorKind.ContentPicker:
                    field.Values = [.. field.Value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
                    break;
                case EditorKind.Options or EditorKind.Taxonomy:
                    field.Values = [.. posted.OfType<string>().Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
                    field.NewTerm = form[field.Name + ".New"].ToString().Trim();
                    break;
            }
        }
    }

    /// <summary>Writes the fields into <paramref name="item"/>; what cannot be written is reported in <paramref name="errors"/>.</summary>
    public void Write(IEnumerable<EditorField> fields, ContentItem item, FormErrors errors)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var field in fields)
        {
            var part = item.Part(field.PartName);
            if (field.IsPartProperty)
            {
                WriteProperty(field, part, errors);
                continue;
            }

            var json = part[field.Key] as JsonObject ?? [];
            part[field.Key] = json;
            WriteField(field, json, errors);
        }
    }

    private void WriteProperty(EditorField field, JsonObject part, FormErrors errors)
    {
        var text = field.Value.Trim();
        if (field.Kind == EditorKind.DateTime)
        {
            part[field.Key] = text.Length == 0 ? null : DateTimeOf(field, text, errors);
        }
        else if (field.Kind == EditorKind.Path && text.Length == 0)
        {
            part.Remove(field.Key);
        }
        else
        {
            part[field.Key] = field.Kind is EditorKind.Html or EditorKind.Markdown or EditorKind.TextArea ? field.Value : text;
        }
    }

    private void WriteField(EditorField field, JsonObject json, FormErrors errors)
    {
        var text = field.Value.Trim();
        switch (field.Kind)
        {
            case EditorKind.Number:
                json.Remove("Value");
                if (text.Length > 0 && NumberOf(field, text, errors) is { } number)
                {
                    json["Value"] = number;
                }

                break;
            case EditorKind.Boolean:
                json["Value"] = field.Value == "true";
                break;
            case EditorKind.Date:
                json.Remove("Value");
                if (text.Length > 0)
                {
                    if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        json["Value"] = date.ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        errors.Add(field.Name, Admin.T("{0}: enter a date such as 2026-12-31.", field.Label));
                    }
                }

                break;
            case EditorKind.DateTime:
                json.Remove("Value");
                if (text.Length > 0 && DateTimeOf(field, text, errors) is { } iso)
                {
                    json["Value"] = iso;
                }

                break;
            case EditorKind.Link:
                if (text.Length > 0 && !IsSafeUrl(text))
                {
                    errors.Add(field.Name, Admin.T("{0}: enter a web address starting with https://, http://, mailto:, tel: or /.", field.Label));
                }

                json["Url"] = text;
                json["Text"] = field.Value2.Trim();
                break;
            case EditorKind.MultiText or EditorKind.Options:
                json["Values"] = Array(field.Values);
                break;
            case EditorKind.ContentPicker:
                if (!field.Multiple && field.Values.Count > 1)
                {
                    errors.Add(field.Name, Admin.T("{0}: choose one item only.", field.Label));
                }

                json["ContentItemIds"] = Array(field.Values);
                break;
            case EditorKind.Media:
                WriteMedia(field, json, errors);
                break;
            case EditorKind.Taxonomy:
                json["TaxonomyContentItemId"] = field.TaxonomyId;
                json["TermContentItemIds"] = Array(field.Values);
                break;
            default:
                json[EditorSchema.ValueProperty(field.Kind)] = field.Kind == EditorKind.Text ? text : field.Value;
                break;
        }
    }

    private void WriteMedia(EditorField field, JsonObject json, FormErrors errors)
    {
        if (!field.Multiple && field.Values.Count > 1)
        {
            errors.Add(field.Name, Admin.T("{0}: choose one file only.", field.Label));
        }

        foreach (var path in field.Values.Where(p => p.Contains("..", StringComparison.Ordinal) || p.Contains(':', StringComparison.Ordinal) || p.StartsWith('/') || p.Contains('\\', StringComparison.Ordinal)))
        {
            errors.Add(field.Name, Admin.T("{0}: '{1}' is not a path in the media library.", field.Label, path));
        }

        json["Paths"] = Array(field.Values);
        var texts = field.Value2.Split('\n').Select(t => t.Trim()).ToList();
        json["MediaTexts"] = Array([.. field.Values.Select((_, i) => i < texts.Count ? texts[i] : string.Empty)]);
    }

    private double? NumberOf(EditorField field, string text, FormErrors errors)
    {
        if (!double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            errors.Add(field.Name, Admin.T("{0}: enter a number.", field.Label));
            return null;
        }

        if (field.Scale == 0 && number != Math.Floor(number))
        {
            errors.Add(field.Name, Admin.T("{0}: enter a whole number.", field.Label));
        }
        else if (number < field.Minimum || number > field.Maximum)
        {
            errors.Add(field.Name, Admin.T("{0}: enter a number from {1} to {2}.", field.Label, field.Minimum, field.Maximum));
        }

        return number;
    }

    private string? DateTimeOf(EditorField field, string text, FormErrors errors)
    {
        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        errors.Add(field.Name, Admin.T("{0}: enter a date and time such as 2026-12-31T09:30.", field.Label));
        return null;
    }

    private static bool IsSafeUrl(string url) =>
        (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)) || url.StartsWith('#')
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "mailto" or "tel");

    private static List<string> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
