namespace MedTour.Cms.Recipes.Scripting;

/// <summary>
/// Limits of one recipe expression (configuration section <c>MedTour:Recipes:Scripting</c>). A recipe is
/// trusted to describe a site, not to run work: the limits stop a loop or a runaway allocation, not an attack
/// on the host, which has no CLR access to give anyway.
/// </summary>
public sealed class RecipeScriptOptions
{
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);
    public long MemoryLimitBytes { get; set; } = 64L * 1024 * 1024;
    public int RecursionLimit { get; set; } = 64;
    public int MaxStatements { get; set; } = 1_000_000;
    /// <summary>How often a value may again be an expression (<c>[js: '[js: 1]']</c>) before it is refused.</summary>
    public int MaxReevaluations { get; set; } = 8;
}
