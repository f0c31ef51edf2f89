using System.Text.Json.Nodes;

namespace MedTour.Cms.Modules.Workflows.Engine;

/// <summary>Something that happened (a form was submitted, an item published, a signal, a timer): starts or resumes instances.</summary>
public sealed record WorkflowEvent(string Name, JsonObject Input, string? CorrelationId = null);
