using Ganss.Xss;
using Markdig;

namespace MedTour.Cms.Display;

/// <summary>
/// Markdown (MarkdownBodyPart, MarkdownField, the <c>markdownify</c> filter) to HTML with Markdig's advanced
/// extensions, then through the one HTML sanitizer: Markdown may carry raw HTML, so its output is treated like
/// any other stored HTML. Singleton: the pipeline and the sanitizer are thread-safe once built.
/// </summary>
public sealed class MarkdownRenderer(IHtmlSanitizer sanitizer)
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public string ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? string.Empty : sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));
}
