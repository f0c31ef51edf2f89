namespace MedTour.Cms.Modules.Workflows.Engine;

/// <summary>What an activity decided: go on through outcomes, wait (an event not yet arrived), or fail.</summary>
public sealed record ActivityResult(IReadOnlyList<string> Outcomes, bool Halted = false, string? Error = null)
{
    public static ActivityResult Done { get; } = Outcome("Done");

    public static ActivityResult Halt { get; } = new([], Halted: true);

    public static ActivityResult Outcome(params string[] outcomes) => new(outcomes);

    public static ActivityResult Fault(string message) => new([], Error: message);
}
