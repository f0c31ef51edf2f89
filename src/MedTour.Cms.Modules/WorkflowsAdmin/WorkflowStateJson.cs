using System.Text.Json;
using System.Text.Json.Serialization;
using MedTour.Cms.Modules.Workflows.Model;

namespace MedTour.Cms.Modules.WorkflowsAdmin;

/// <summary>Reads an instance's saved state (<c>WorkflowInstances.State</c>) for the journal page and the retry.</summary>
public static class WorkflowStateJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() }, // reads the status by name or by number
    };

    /// <summary>The state, or null when the row's JSON is not one (shown as such rather than failing the page).</summary>
    public static WorkflowState? TryRead(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<WorkflowState>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
