using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using MedTour.Cms.Modules.Workflows.Model;

namespace MedTour.Cms.Modules.WorkflowsAdmin;

/// <summary>
/// A workflow type as the editor shows it (Orchard's recipe shape, indented) and reads it back: a syntax error is
/// reported with its line and position, a JSON value of the wrong shape with its path.
/// </summary>
public static class WorkflowTypeJson
{
    private static readonly JsonSerializerOptions Write = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // shown in a textarea (HTML-encoded by Razor), not in a script
    };

    private static readonly JsonSerializerOptions Read = new()
    {
        PropertyNameCaseInsensitive = true, // as the WorkflowType recipe step reads it
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, // a misspelt property is an error, not silently dropped
    };

    public static string Format(WorkflowType type) => JsonSerializer.Serialize(type, Write);

    /// <summary>What the "new workflow" editor starts with: an event that starts it and one task after it.</summary>
    public static WorkflowType Starter() => new()
    {
        WorkflowTypeId = string.Empty,
        Name = string.Empty,
        Activities =
        [
            new() { ActivityId = "start", Name = "ContentPublishedEvent", IsStart = true, Properties = new() { ["ContentTypeFilter"] = new System.Text.Json.Nodes.JsonArray("Article") } },
            new() { ActivityId = "log", Name = "LogTask", Properties = new() { ["Text"] = new System.Text.Json.Nodes.JsonObject { ["Expression"] = "A content item was published." } } },
        ],
        Transitions = [new() { Id = 1, SourceActivityId = "start", SourceOutcomeName = "Done", DestinationActivityId = "log" }],
    };

    /// <summary>The type, or why the text is not one (no exception for the caller to catch).</summary>
    public static (WorkflowType? Type, string? Error) Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, "The JSON is empty.");
        }

        try
        {
            var type = JsonSerializer.Deserialize<WorkflowType>(json, Read);
            return type is null ? (null, "The JSON is null, not a workflow type.") : (type, null);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, position {e.BytePositionInLine + 1}" : "the start";
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? string.Empty : $" ({e.Path})";
            return (null, $"JSON error at {where}{path}: {FirstSentence(e.Message)}");
        }
    }

    // System.Text.Json appends "Path: … | LineNumber: … | BytePositionInLine: …", already said above.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }
}
