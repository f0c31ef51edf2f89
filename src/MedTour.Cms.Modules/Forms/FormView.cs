using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.Forms;

/// <summary>
/// What the form view renders: fields with their posted values and inline errors, the error summary, the antiforgery
/// token, a fresh ticket and the honeypot. Built per request (it holds per-visitor tokens and is never cached).
/// </summary>
public sealed class FormView(IAntiforgery antiforgery, FormTicket tickets, FormMessages messages)
{
    /// <summary>The honeypot: hidden from people (and from assistive technology), filled by robots.</summary>
    public const string HoneypotField = "website";

    public Dictionary<string, object?> Build(HttpContext http, FormDefinition form, string action,
        IReadOnlyDictionary<string, string>? posted = null, IReadOnlyList<FormError>? errors = null, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(form);
        posted ??= new Dictionary<string, string>();
        errors ??= [];
        var tokens = antiforgery.GetAndStoreTokens(http);
        var summary = errors.Select(e => new Dictionary<string, object?>
        {
            ["Field"] = e.Field,
            ["Id"] = e.Field.Length == 0 ? null : "field-" + e.Field,
            ["Message"] = messages.Of(e, form),
        }).ToList();
        return new Dictionary<string, object?>
        {
            ["Action"] = action,
            ["Antiforgery"] = new Dictionary<string, object?> { ["Name"] = tokens.FormFieldName, ["Value"] = tokens.RequestToken },
            ["Ticket"] = new Dictionary<string, object?> { ["Name"] = FormTicket.FieldName, ["Value"] = tickets.Issue(form.FormId) },
            ["Honeypot"] = HoneypotField,
            ["Errors"] = summary,
            ["Notice"] = notice,
            ["Fields"] = form.Fields.Select(f => Field(f, posted, summary)).ToList(),
        };
    }

    private static Dictionary<string, object?> Field(FormField field, IReadOnlyDictionary<string, string> posted, List<Dictionary<string, object?>> errors)
    {
        var value = posted.GetValueOrDefault(field.Name) ?? string.Empty;
        var error = errors.FirstOrDefault(e => (string?)e["Field"] == field.Name)?["Message"];
        return new Dictionary<string, object?>
        {
            ["Name"] = field.Name,
            ["Id"] = "field-" + field.Name,
            ["Type"] = field.Type,
            ["Label"] = field.Label,
            ["Hint"] = field.Hint,
            ["Required"] = field.Required,
            ["MaxLength"] = field.Type is "file" or "checkbox" or "select" ? null : field.EffectiveMaxLength,
            ["Autocomplete"] = field.Autocomplete ?? field.Type switch { "email" => "email", "tel" => "tel", _ => field.Name == "name" ? "name" : null },
            ["Value"] = field.Type is "file" ? null : value,
            ["Checked"] = field.Type == "checkbox" && value is "on" or "true",
            ["Options"] = field.Options.Select(o => new Dictionary<string, object?> { ["Value"] = o.Value, ["Label"] = o.Label, ["Selected"] = o.Value == value }).ToList(),
            ["Accept"] = string.Join(',', field.Accept),
            ["Multiple"] = field.MaxFiles > 1,
            ["Link"] = field.Link,
            ["LinkText"] = field.LinkText,
            ["Notice"] = field.Notice,
            ["NoticeId"] = field.Link is { Length: > 1 } link && link[0] == '#' ? link[1..] : null,
            ["Error"] = error,
        };
    }
}
