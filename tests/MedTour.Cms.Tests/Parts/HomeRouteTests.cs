using System.Net;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Tests.Site;

namespace MedTour.Cms.Tests.Parts;

/// <summary>The settings step's HomeRoute (Orchard's shape) makes a content item the tenant's home page.</summary>
public abstract class HomeRouteTests(SiteFixture site)
{
    [Fact]
    public async Task The_home_route_item_is_the_tenants_home_page_and_follows_a_settings_change()
    {
        var tenant = await BlogRecipe.NewTenantAsync(site);
        try
        {
            var home = await site.GetAsync($"/{tenant}/");
            Assert.Equal(HttpStatusCode.OK, home.Status);
            Assert.Equal("Field Notes", home.H1);
            Assert.Equal(2, home.Document.QuerySelectorAll("main ul.list-items > li").Length);
            // Paging works on the home page too.
            var second = await site.GetAsync($"/{tenant}/?page=2");
            Assert.Equal("The Heron at the Weir", second.Document.QuerySelector("main ul.list-items > li h3 a")?.TextContent.Trim());

            await BlogRecipe.ImportAsync(site, tenant, """
                {"name":"home","steps":[{"name":"Settings","HomeRoute":{"Action":"Display","Controller":"Item","Area":"OrchardCore.Contents","ContentItemId":"post-owls"}}]}
                """);
            Assert.Equal("Owls After Dark", (await site.GetAsync($"/{tenant}/")).H1);

            // A route to something that is not an item's page, or to an item that is not published, leaves the theme's home.
            await BlogRecipe.ImportAsync(site, tenant, """
                {"name":"home","steps":[{"name":"Settings","HomeRoute":{"Action":"Index","Controller":"Admin","Area":"OrchardCore.Admin"}}]}
                """);
            var themed = await site.GetAsync($"/{tenant}/");
            Assert.Equal(HttpStatusCode.OK, themed.Status);
            Assert.NotEqual("Owls After Dark", themed.H1);
            await BlogRecipe.ImportAsync(site, tenant, """
                {"name":"home","steps":[{"name":"Settings","HomeRoute":{"ContentItemId":"post-draft"}}]}
                """);
            var draft = await site.GetAsync($"/{tenant}/");
            Assert.Equal(HttpStatusCode.OK, draft.Status);
            Assert.NotEqual("Unfinished Draft", draft.H1);
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HomeRouteSqliteTests(SqliteSite site) : HomeRouteTests(site);

[Collection(PostgresCollection.Name)]
public sealed class HomeRoutePostgresTests(PostgresSite site) : HomeRouteTests(site);
