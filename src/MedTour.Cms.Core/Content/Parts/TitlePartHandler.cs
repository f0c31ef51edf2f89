namespace MedTour.Cms.Content.Parts;

/// <summary>The title is the item's display text; a type with a TitlePart needs one.</summary>
public sealed class TitlePartHandler : IContentPartHandler
{
    public string PartName => "TitlePart";

    public ValueTask UpdatingAsync(PartUpdateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var title = context.GetString("Title")?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            context.Error("Title", "a title is required.");
        }
        else if (title.Length > 512)
        {
            context.Error("Title", "a title has at most 512 characters.");
        }
        else
        {
            context.Part["Title"] = title;
            context.Item.DisplayText = title;
        }

        return ValueTask.CompletedTask;
    }
}
