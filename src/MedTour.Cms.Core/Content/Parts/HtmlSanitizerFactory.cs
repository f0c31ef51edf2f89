using Ganss.Xss;

namespace MedTour.Cms.Content.Parts;

/// <summary>
/// The one sanitizer policy for HTML from content (see docs/html-sanitizing.md): article markup, figures and links;
/// no scripts, styles, event handlers or forms, and no <c>id</c>/<c>name</c>, which could clobber the page's DOM.
/// </summary>
public static class HtmlSanitizerFactory
{
    /// <summary>Form controls: content cannot post anywhere or pose as the site's own sign-in or consultation form.</summary>
    public static readonly IReadOnlyList<string> DroppedTags =
        ["form", "input", "button", "select", "option", "optgroup", "textarea", "label", "fieldset", "legend", "datalist", "output", "keygen"];

    /// <summary>Form targets, and the attributes that name elements (DOM clobbering: <c>&lt;img name="getElementById"&gt;</c>).</summary>
    public static readonly IReadOnlyList<string> DroppedAttributes =
        ["id", "name", "form", "formaction", "formmethod", "formenctype", "formtarget", "formnovalidate", "action", "method", "enctype", "style"];

    public static IHtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.UnionWith(["figure", "figcaption", "section", "aside", "details", "summary"]);
        sanitizer.AllowedTags.ExceptWith(DroppedTags);
        sanitizer.AllowedAttributes.UnionWith(["class", "loading", "role", "aria-label"]);
        sanitizer.AllowedAttributes.ExceptWith(DroppedAttributes);
        sanitizer.AllowedCssProperties.Clear();
        return sanitizer;
    }
}
