using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedTour.Cms.Content.Parts;

/// <summary>
/// Orchard's MarkdownBodyPart (<c>{"Markdown": "…"}</c>): the source is stored as written and turned into sanitized
/// HTML when shown (<see cref="Display.MarkdownRenderer"/>); here it only has to be text.
/// </summary>
public sealed class MarkdownBodyPartHandler : IContentPartHandler
{
    public string PartName => "MarkdownBodyPart";

    public ValueTask UpdatingAsync(PartUpdateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Part["Markdown"] is { } value && (value is not JsonValue || value.GetValueKind() != JsonValueKind.String))
        {
            context.Error("Markdown", $"expected the Markdown text (a string), found {value.GetValueKind().ToString().ToLowerInvariant()}.");
        }

        return ValueTask.CompletedTask;
    }
}
