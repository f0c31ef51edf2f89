namespace MedTour.Cms.Modules.WorkflowsAdmin;

/// <summary>The editor's values: which type, the version shown (null: the latest), and its JSON as typed.</summary>
public sealed record WorkflowTypeForm(string WorkflowTypeId, int? Version, string Json);
