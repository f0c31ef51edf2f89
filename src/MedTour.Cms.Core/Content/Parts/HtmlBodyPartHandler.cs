using Ganss.Xss;

namespace MedTour.Cms.Content.Parts;

/// <summary>HTML bodies are sanitized when saved, so what is stored is what may be shown.</summary>
public sealed class HtmlBodyPartHandler(IHtmlSanitizer sanitizer) : IContentPartHandler
{
    public string PartName => "HtmlBodyPart";

    public ValueTask UpdatingAsync(PartUpdateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetString("Html") is { } html)
        {
            context.Part["Html"] = sanitizer.Sanitize(html);
        }

        return ValueTask.CompletedTask;
    }
}
