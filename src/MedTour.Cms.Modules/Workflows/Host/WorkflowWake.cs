using MedTour.Cms.Background;

namespace MedTour.Cms.Modules.Workflows.Host;

/// <summary>
/// Wakes this process's <see cref="WorkflowHost"/> when a workflow event was committed here (a submission, a content
/// change), so it is handled at once rather than at the next poll; other hosts' events are found by polling. Singleton.
/// </summary>
public sealed class WorkflowWake : WakeSignal;
