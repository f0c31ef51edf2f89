using System.Text.Json;
using MedTour.Cms.Modules.Workflows.Model;

namespace MedTour.Cms.Tests.Workflows;

/// <summary>Workflow types for the runtime and host tests, written as Orchard exports them.</summary>
internal static class WorkflowTypes
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNameCaseInsensitive = true };

    public static WorkflowType Parse(string json) => JsonSerializer.Deserialize<WorkflowType>(json, Json)!;

    /// <summary>Started by a submission of form <paramref name="form"/>: sets Step=1, waits for the signal "take", then sets Step=<paramref name="finalStep"/>.</summary>
    public static WorkflowType SignalThenSet(string typeId, string form, string finalStep = "'done'") => Parse($$"""
        { "WorkflowTypeId": "{{typeId}}", "Name": "{{typeId}}",
          "Activities": [
            { "ActivityId": "start", "Name": "FormSubmittedEvent", "IsStart": true, "Properties": { "FormName": "{{form}}" } },
            { "ActivityId": "one", "Name": "SetPropertyTask", "Properties": { "PropertyName": "Step", "Value": { "Expression": "1" } } },
            { "ActivityId": "take", "Name": "SignalEvent", "Properties": { "SignalName": { "Expression": "take" } } },
            { "ActivityId": "two", "Name": "SetPropertyTask", "Properties": { "PropertyName": "Step", "Value": { "Expression": {{JsonSerializer.Serialize(finalStep)}} } } } ],
          "Transitions": [
            { "SourceActivityId": "start", "SourceOutcomeName": "Done", "DestinationActivityId": "one" },
            { "SourceActivityId": "one", "SourceOutcomeName": "Done", "DestinationActivityId": "take" },
            { "SourceActivityId": "take", "SourceOutcomeName": "Done", "DestinationActivityId": "two" } ] }
        """);
}
