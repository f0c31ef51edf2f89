using System.Text.Json;
using System.Text.Json.Nodes;
using MedTour.Cms.Content.Definitions;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.DefinitionsAdmin;

/// <summary>
/// A field's settings: its label and description (Orchard's ContentPartFieldSettings), hint and required, and the rest
/// of its type's settings object (<c>TextFieldSettings</c>…) as JSON.
/// </summary>
public sealed record FieldSettingsForm(string DisplayName, string Description, string Hint, bool Required, string Settings)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static FieldSettingsForm From(ContentPartFieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var own = field.FieldSettings?.DeepClone().AsObject() ?? [];
        var hint = own["Hint"] is JsonValue h && h.TryGetValue<string>(out var text) ? text : string.Empty;
        own.Remove("Hint");
        own.Remove("Required");
        var description = field.Settings["ContentPartFieldSettings"]?["Description"] is JsonValue d && d.TryGetValue<string>(out var desc) ? desc : string.Empty;
        return new(field.DisplayName, description, hint, field.Required, own.Count == 0 ? string.Empty : own.ToJsonString(Indented));
    }

    public static FieldSettingsForm Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(form["displayName"].ToString().Trim(), form["description"].ToString().Trim(), form["hint"].ToString().Trim(), form["required"] == "true", form["settings"].ToString().Trim());
    }

    public ContentPartFieldDefinition ApplyTo(ContentPartFieldDefinition field, JsonObject settings)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(settings);
        var next = DefinitionEditor.Copy(field);
        var part = next.Settings["ContentPartFieldSettings"] as JsonObject ?? [];
        part["DisplayName"] = DisplayName.Length == 0 ? field.Name : DisplayName;
        part["Description"] = Description.Length == 0 ? null : Description;
        next.Settings["ContentPartFieldSettings"] = part;
        settings["Hint"] = Hint.Length == 0 ? null : Hint;
        settings["Required"] = Required;
        next.Settings[field.FieldName + "Settings"] = settings;
        return next;
    }
}
