using System.Text.Json;
using System.Text.Json.Nodes;
using MedTour.Cms.Content;

namespace MedTour.Cms.Modules.Forms;

/// <summary>A Form item's FormPart read once per request: its fields, success message and workflow event.</summary>
public sealed record FormDefinition(string FormId, string Title, IReadOnlyList<FormField> Fields, string? SuccessMessage, string WorkflowEvent)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public FormField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public static FormDefinition? Of(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.FindPart("FormPart") is not { } part)
        {
            return null;
        }

        var fields = (part["Fields"] as JsonArray)?.OfType<JsonObject>().Select(ReadField).Where(f => f is not null).Select(f => f!).ToList() ?? [];
        return new FormDefinition(item.ContentItemId, item.DisplayText, fields, part["SuccessMessage"].AsText(), part["WorkflowEvent"].AsText() ?? "FormSubmitted");
    }

    private static FormField? ReadField(JsonObject node)
    {
        var name = node["Name"].AsText();
        var type = node["Type"].AsText();
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        // Options are plain strings or { Value, Label } objects.
        var options = (node["Options"] as JsonArray)?.Select(o => o switch
        {
            JsonObject obj => new FormOption(obj["Value"].AsText() ?? string.Empty, obj["Label"].AsText() ?? obj["Value"].AsText() ?? string.Empty),
            _ => new FormOption(o?.ToString() ?? string.Empty, o?.ToString() ?? string.Empty),
        }).ToList() ?? [];
        var copy = node.DeepClone().AsObject();
        copy.Remove("Options");
        var field = copy.Deserialize<FormField>(Json)!;
        return field with { Options = options, Accept = field.Accept ?? [] };
    }
}
