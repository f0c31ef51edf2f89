using System.Globalization;
using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.PublishLater;

namespace MedTour.Cms.Modules.ContentEditor.Editing;

/// <summary>
/// The editor's inputs for a content type, in the type's part order and each part's field order: the built-in parts'
/// properties (title, path, SEO, culture, schedule, body) and every field of a kind this editor knows. Parts and fields
/// it does not know are not shown and their data is kept as it is. Scoped (labels in the admin culture).
/// </summary>
public sealed class EditorSchema(AdminRequest admin)
{
    private AdminRequest Admin { get; } = admin;

    public List<EditorField> FieldsOf(ContentTypeDefinition type, ContentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(definition);
        var fields = new List<EditorField>();
        foreach (var typePart in type.ContentTypePartDefinitionRecords.OrderBy(p => Position(p.Settings["ContentTypePartSettings"])))
        {
            fields.AddRange(BuiltIn(typePart));
            if (definition.FindPart(typePart.PartName) is { } part)
            {
                fields.AddRange(part.ContentPartFieldDefinitionRecords
                    .OrderBy(f => Position(f.Settings["ContentPartFieldSettings"]))
                    .Select(f => FieldOf(typePart.Name, f))
                    .OfType<EditorField>());
            }
        }

        return fields;
    }

    /// <summary>Fills the fields' values from a stored item (or, for a new one, the fields' defaults).</summary>
    public static void Load(IEnumerable<EditorField> fields, ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(item);
        foreach (var field in fields)
        {
            var part = item.FindPart(field.PartName);
            if (field.IsPartProperty)
            {
                var text = part?[field.Key].AsText() ?? string.Empty;
                field.Value = field.Kind == EditorKind.DateTime ? LocalDateTime(text) : text;
                continue;
            }

            var json = part?[field.Key] as JsonObject;
            switch (field.Kind)
            {
                case EditorKind.Number:
                    field.Value = json?["Value"] is JsonValue n && n.TryGetValue<double>(out var number) ? number.ToString(CultureInfo.InvariantCulture) : string.Empty;
                    break;
                case EditorKind.Boolean:
                    field.Value = json?["Value"] is JsonValue b && b.TryGetValue<bool>(out var flag) && flag ? "true" : string.Empty;
                    break;
                case EditorKind.Date:
                    field.Value = json?["Value"].AsText() is { } d && Content.Fields.ContentFieldType.TryParseDate(d, out var date) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
                    break;
                case EditorKind.DateTime:
                    field.Value = LocalDateTime(json?["Value"].AsText());
                    break;
                case EditorKind.Link:
                    field.Value = json?["Url"].AsText() ?? string.Empty;
                    field.Value2 = json?["Text"].AsText() ?? string.Empty;
                    break;
                case EditorKind.MultiText or EditorKind.Options:
                    field.Values = Strings(json?["Values"]);
                    field.Value = string.Join('\n', field.Values);
                    break;
                case EditorKind.ContentPicker:
                    field.Values = Strings(json?["ContentItemIds"]);
                    field.Value = string.Join(", ", field.Values);
                    break;
                case EditorKind.Media:
                    field.Values = Strings(json?["Paths"]);
                    field.Value = string.Join('\n', field.Values);
                    field.Value2 = string.Join('\n', Strings(json?["MediaTexts"]));
                    break;
                case EditorKind.Taxonomy:
                    field.Values = Strings(json?["TermContentItemIds"]);
                    break;
                default:
                    field.Value = json?[ValueProperty(field.Kind)].AsText() ?? string.Empty;
                    break;
            }
        }
    }

    public static string ValueProperty(EditorKind kind) => kind switch
    {
        EditorKind.Html => "Html",
        EditorKind.Markdown => "Markdown",
        _ => "Text",
    };

    private IEnumerable<EditorField> BuiltIn(ContentTypePartDefinition typePart)
    {
        var name = typePart.Name;
        switch (typePart.PartName)
        {
            case "TitlePart":
                yield return Property(name, "Title", EditorKind.Text, Admin.T("Title"), required: true);
                break;
            case "AutoroutePart":
                var pattern = typePart.Settings["AutoroutePartSettings"]?["Pattern"].AsText() ?? "{{ ContentItem.DisplayText | slugify }}";
                var path = Property(name, "Path", EditorKind.Path, Admin.T("Path"),
                    Admin.T("Leave empty to make it from the title (pattern: {0}). Letters, digits, '-' and '/'.", pattern));
                path.Pattern = pattern;
                yield return path;
                break;
            case "HtmlBodyPart":
                yield return Property(name, "Html", EditorKind.Html, Admin.T("Body"));
                break;
            case "MarkdownBodyPart":
                yield return Property(name, "Markdown", EditorKind.Markdown, Admin.T("Body"), Admin.T("Markdown; the preview shows the page's text."));
                break;
            case "SeoMetaPart":
                yield return Property(name, "PageTitle", EditorKind.Text, Admin.T("Title in search results"), Admin.T("Up to about 60 characters; the title is used when empty."));
                yield return Property(name, "MetaDescription", EditorKind.TextArea, Admin.T("Description in search results"), Admin.T("Up to about 160 characters."));
                break;
            case "LocalizationPart":
                yield return Property(name, "Culture", EditorKind.Select, Admin.T("Language"));
                break;
            case PublishLaterPartHandler.Part:
                yield return Property(name, PublishLaterPartHandler.ScheduledPublishUtc, EditorKind.DateTime, Admin.T("Publish on (UTC)"),
                    Admin.T("Choose a date and press Schedule; the draft is published then."));
                break;
        }
    }

    private static EditorField Property(string part, string key, EditorKind kind, string label, string? hint = null, bool required = false) => new()
    {
        Name = $"{part}.{key}", PartName = part, Key = key, IsPartProperty = true, Kind = kind, Label = label, Hint = hint, Required = required,
    };

    private static EditorField? FieldOf(string partName, ContentPartFieldDefinition field)
    {
        var settings = field.FieldSettings;
        var editor = field.Settings["ContentPartFieldSettings"]?["Editor"].AsText();
        var kind = field.FieldName switch
        {
            "TextField" => editor is "TextArea" or "Multiline" ? EditorKind.TextArea : EditorKind.Text,
            "HtmlField" => EditorKind.Html,
            "MarkdownField" => EditorKind.Markdown,
            "NumericField" => EditorKind.Number,
            "BooleanField" => EditorKind.Boolean,
            "DateField" => EditorKind.Date,
            "DateTimeField" => EditorKind.DateTime,
            "LinkField" => EditorKind.Link,
            "MultiTextField" => settings?["Options"] is JsonArray { Count: > 0 } ? EditorKind.Options : EditorKind.MultiText,
            "ContentPickerField" => EditorKind.ContentPicker,
            "MediaField" => EditorKind.Media,
            "TaxonomyField" => EditorKind.Taxonomy,
            _ => (EditorKind?)null,
        };
        if (kind is null)
        {
            return null;
        }

        var result = new EditorField
        {
            Name = $"{partName}.{field.Name}",
            PartName = partName,
            Key = field.Name,
            Kind = kind.Value,
            Label = field.DisplayName,
            Hint = settings?["Hint"].AsText() is { Length: > 0 } hint ? hint : null,
            Required = field.Required,
            Multiple = kind == EditorKind.Taxonomy ? settings?["Unique"]?.GetValue<bool>() != true : settings?["Multiple"]?.GetValue<bool>() ?? true,
            Minimum = Number(settings?["Minimum"]),
            Maximum = Number(settings?["Maximum"]),
            Scale = (int)(Number(settings?["Scale"]) ?? 0),
            AllowedTypes = Strings(settings?["DisplayedContentTypes"]),
            TaxonomyId = settings?["TaxonomyContentItemId"].AsText(),
        };
        if (kind == EditorKind.Options && settings?["Options"] is JsonArray options)
        {
            result.Choices = [.. options.OfType<JsonObject>().Select(o => (o["value"].AsText() ?? string.Empty, o["name"].AsText() ?? o["value"].AsText() ?? string.Empty))];
        }

        if (kind == EditorKind.Boolean && settings?["DefaultValue"] is JsonValue d && d.TryGetValue<bool>(out var on) && on)
        {
            result.Value = "true";
        }

        return result;
    }

    /// <summary>An ISO 8601 UTC date as a datetime-local input's value ("2026-12-01T08:00").</summary>
    public static string LocalDateTime(string? iso) =>
        iso is not null && Content.Fields.ContentFieldType.TryParseDate(iso, out var utc) ? utc.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : string.Empty;

    private static int Position(JsonNode? settings) =>
        int.TryParse(settings?["Position"]?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : int.MaxValue;

    private static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(v => v.AsText()).OfType<string>()] : [];
}
