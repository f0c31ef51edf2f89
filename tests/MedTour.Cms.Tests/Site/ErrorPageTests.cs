using System.Net;
using AngleSharp.Html.Parser;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.Site;

/// <summary>A page that fails while rendering answers with the theme's friendly error page, never a bare stack trace.</summary>
[Collection(SqliteCollection.Name)]
public sealed class ErrorPageTests(SqliteSite site)
{
    [Fact]
    public async Task A_view_that_fails_at_render_time_gives_the_themed_500_page()
    {
        // A tenant's override that divides by zero when it renders.
        var broken = await site.NewTenantAsync("broken", "medtour-europe",
            """{"name":"Templates","Templates":{"Content-Article":{"Content":"<h1>{{ 1 | divided_by: 0 }}</h1>"}}}""");
        try
        {
            using var client = site.Client();

            var response = await client.GetAsync(new Uri($"/{broken}/liver-metastasis", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            var page = new HtmlParser().ParseDocument(body);

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("Something went wrong", page.QuerySelector("h1")?.TextContent);
            Assert.NotNull(page.QuerySelector("nav.regions-bar"));
            Assert.DoesNotContain("DivideByZero", body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/eu/liver-metastasis", UriKind.Relative))).StatusCode);
        }
        finally
        {
            await site.RemoveTenantAsync(broken);
        }
    }
}
