namespace MedTour.Cms.Recipes;

/// <summary>How to import: by default a recipe with any unsupported step or feature is refused whole.</summary>
public sealed record RecipeImportOptions
{
    public static readonly RecipeImportOptions Default = new();

    /// <summary>Import what is supported and report the rest (<c>--skip-unsupported</c>).</summary>
    public bool SkipUnsupported { get; init; }
}

/// <summary>What an import left out (empty unless <see cref="RecipeImportOptions.SkipUnsupported"/>), each as "Recipe x, step n at $.path: what".</summary>
public sealed record RecipeImportResult(IReadOnlyList<string> Skipped);
