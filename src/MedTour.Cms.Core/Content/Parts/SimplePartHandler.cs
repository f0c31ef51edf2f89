namespace MedTour.Cms.Content.Parts;

/// <summary>A built-in part that needs no code on save (SeoMetaPart, TaxonomyPart, …): registering it makes its name known.</summary>
public sealed class SimplePartHandler(string partName) : IContentPartHandler
{
    public string PartName { get; } = partName;

    public ValueTask UpdatingAsync(PartUpdateContext context) => ValueTask.CompletedTask;
}
