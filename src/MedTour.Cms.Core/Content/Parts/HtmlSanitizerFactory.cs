using Ganss.Xss;

namespace MedTour.Cms.Content.Parts;

/// <summary>The one sanitizer policy for stored HTML: article markup, figures and links; no scripts, styles or event handlers.</summary>
public static class HtmlSanitizerFactory
{
    public static IHtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.UnionWith(["figure", "figcaption", "section", "aside", "details", "summary"]);
        sanitizer.AllowedAttributes.UnionWith(["class", "id", "loading", "aria-label"]);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        return sanitizer;
    }
}
