using System.Net;
using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task Publishing_an_item_with_SetHomepage_makes_it_the_home_page()
    {
        var tenant = await BlogRecipe.NewTenantAsync(site);
        try
        {
            Assert.Equal("Field Notes", (await site.GetAsync($"/{tenant}/")).H1);

            await BlogRecipe.ImportAsync(site, tenant, """
                {"name":"home","steps":[{"name":"Content","data":[{"ContentItemId":"page-welcome","ContentType":"Page","Published":true,
                  "TitlePart":{"Title":"Welcome In"},"AutoroutePart":{"Path":"welcome","SetHomepage":true},"MarkdownBodyPart":{"Markdown":"Hello."}}]}]}
                """);

            var home = await site.GetAsync($"/{tenant}/");
            Assert.Equal(HttpStatusCode.OK, home.Status);
            // Pages use the recipe's Content-Page template, which shows the item's display text.
            Assert.Equal("Welcome In", home.Document.GetElementById("f-display-text")?.TextContent);
            Assert.Equal("page-welcome", await HomeItemAsync(tenant));
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }

    private async Task<string?> HomeItemAsync(string tenant)
    {
        await using var scope = site.TenantScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<HomeRoute>().ContentItemIdAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HomeRouteSqliteTests(SqliteSite site) : HomeRouteTests(site);

[Collection(PostgresCollection.Name)]
public sealed class HomeRoutePostgresTests(PostgresSite site) : HomeRouteTests(site);
