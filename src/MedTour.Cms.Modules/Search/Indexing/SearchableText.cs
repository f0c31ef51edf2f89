using System.Net;
using System.Text.RegularExpressions;

namespace MedTour.Cms.Modules.Search.Indexing;

/// <summary>Plain text of an HTML body for indexing and snippets: shortcodes, scripts, styles and tags removed, entities decoded.</summary>
public static partial class SearchableText
{
    public static string FromHtml(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var text = ScriptOrStyle().Replace(html, " ");
        text = Shortcode().Replace(text, " ");
        text = Tag().Replace(text, " ");
        text = WebUtility.HtmlDecode(text);
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    // Our shortcodes ([consultation_cta], [media path="…"]) and their closing forms.
    [GeneratedRegex(@"\[/?[a-z_]+(\s+[a-z_]+=""[^""\]]*"")*\s*/?\]")]
    private static partial Regex Shortcode();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
