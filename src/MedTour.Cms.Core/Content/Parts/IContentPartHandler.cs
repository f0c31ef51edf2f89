namespace MedTour.Cms.Content.Parts;

/// <summary>Code behind a built-in part: normalizes and validates it before an item is saved.</summary>
public interface IContentPartHandler
{
    string PartName { get; }

    ValueTask UpdatingAsync(PartUpdateContext context);
}
