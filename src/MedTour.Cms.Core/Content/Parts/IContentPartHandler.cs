namespace MedTour.Cms.Content.Parts;

/// <summary>Code behind a built-in part: normalizes and validates it before an item is saved.</summary>
public interface IContentPartHandler
{
    string PartName { get; }

    /// <summary>Handlers run in this order (then in the type's part order): a part that reads what others set, such as a route pattern reading the title, goes later.</summary>
    int Order => 0;

    ValueTask UpdatingAsync(PartUpdateContext context);
}
