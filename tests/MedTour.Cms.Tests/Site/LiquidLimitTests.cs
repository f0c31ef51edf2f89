using System.Diagnostics;
using System.Net;
using MedTour.Cms.Display;
using MedTour.Cms.Modules.Site;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.Site;

/// <summary>A template cannot hold a thread, recurse without end or read files outside its theme.</summary>
[Collection(SqliteCollection.Name)]
public sealed class LiquidLimitTests(SqliteSite site)
{
    private static string Override(string view, string liquid) => new System.Text.Json.Nodes.JsonObject
    {
        ["name"] = "Templates",
        ["Templates"] = new System.Text.Json.Nodes.JsonObject { [view] = new System.Text.Json.Nodes.JsonObject { ["Content"] = liquid } },
    }.ToJsonString();

    [Theory]
    [InlineData("Content-Article", "{% for i in (1..10000000) %}{{ i }}{% endfor %}")]
    [InlineData("Content-Article", "{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}")]
    [InlineData("Content-Article", "<h1>{{ Model.ContentItem | view: 'Content-Article' }}</h1>")]
    [InlineData("Content-Article.Summary", "{{ Item | summary }}")]
    public async Task A_template_that_never_ends_gives_the_error_page_quickly(string view, string liquid)
    {
        var tenant = await site.NewTenantAsync("loop", "medtour-europe", Override(view, liquid));
        try
        {
            var clock = Stopwatch.StartNew();
            var page = await site.GetAsync(view.EndsWith(".Summary", StringComparison.Ordinal) ? $"/{tenant}/articles" : $"/{tenant}/liver-metastasis");

            Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
            Assert.Equal("Something went wrong", page.Document.QuerySelector("h1")?.TextContent);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
            Assert.Equal(HttpStatusCode.OK, (await site.GetAsync("/eu/liver-metastasis")).Status);
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }

    [Theory]
    [InlineData("../Views/Home")]
    [InlineData("../../MedTour/Views/Home")]
    [InlineData("/etc/passwd")]
    [InlineData("..\\Views\\Home")]
    public void View_names_outside_the_theme_are_refused(string name)
    {
        var views = site.Service<ThemeViews>();

        Assert.NotNull(views.FromTheme("MedTour", "Home"));
        Assert.Null(views.FromTheme("MedTour", name));
    }

    [Fact]
    public async Task Asset_names_outside_the_theme_are_refused()
    {
        var assets = site.Service<ThemeAssets>();
        Assert.NotEqual("missing", assets.Fingerprint("MedTour", "css/site.css"));
        Assert.Equal("missing", assets.Fingerprint("MedTour", "../Views/Layout.liquid"));

        var tenant = await site.NewTenantAsync("asset", "medtour-europe",
            Override("Content-Article", "<h1 class=\"a\">{{ '../Views/Layout.liquid' | asset_url }}</h1><p class=\"b\">{{ Model.ContentItem | view: '../Views/Home' }}</p>"));
        try
        {
            var page = await site.GetAsync($"/{tenant}/liver-metastasis");

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(string.Empty, page.Document.QuerySelector("h1.a")!.TextContent);
            Assert.Equal(string.Empty, page.Document.QuerySelector("p.b")!.TextContent.Trim());
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }
}
