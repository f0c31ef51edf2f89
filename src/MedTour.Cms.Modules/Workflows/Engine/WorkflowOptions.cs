namespace MedTour.Cms.Modules.Workflows.Engine;

/// <summary>Limits of the engine (configuration section <c>MedTour:Workflows</c>).</summary>
public sealed class WorkflowOptions
{
    /// <summary>Activities one run may execute before it is faulted: a loop of transitions stops here.</summary>
    public int MaxActivitiesPerRun { get; set; } = 200;

    public TimeSpan ScriptTimeout { get; set; } = TimeSpan.FromSeconds(1);
    public long ScriptMemoryBytes { get; set; } = 16L * 1024 * 1024;
    public int ScriptRecursionLimit { get; set; } = 32;
    public int ScriptMaxStatements { get; set; } = 100_000;
}
