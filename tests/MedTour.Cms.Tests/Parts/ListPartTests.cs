using System.Net;
using MedTour.Cms.Content;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Parts;

/// <summary>A ListPart container lists its published contained items on its page, a page at a time, in their order.</summary>
public abstract class ListPartTests(SiteFixture site)
{
    [Fact]
    public async Task The_blog_page_lists_its_posts_two_a_page_in_their_order()
    {
        var tenant = await BlogRecipe.NewTenantAsync(site);
        try
        {
            var shown = new List<(string Title, string? Href)>();
            for (var number = 1; number <= 3; number++)
            {
                var page = await site.GetAsync($"/{tenant}/field-notes" + (number == 1 ? "" : $"?page={number}"));
                Assert.Equal(HttpStatusCode.OK, page.Status);
                Assert.Equal("Field Notes", page.H1);
                var links = page.Document.QuerySelectorAll("main ul.list-items > li h3 a");
                Assert.Equal(number < 3 ? 2 : 1, links.Length);
                shown.AddRange(links.Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))));
                Assert.NotNull(page.Document.QuerySelector("nav.pager"));
            }

            Assert.Equal(BlogRecipe.Posts.Select(p => (p.Title, (string?)$"/{tenant}/{p.Path}")), shown);
            Assert.DoesNotContain(shown, s => s.Title == "Unfinished Draft");
            Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync($"/{tenant}/field-notes?page=4")).Status);
            var bad = await site.GetAsync($"/{tenant}/field-notes?page=two");
            Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
            Assert.Contains("page", bad.Body, StringComparison.Ordinal);
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }

    [Fact]
    public async Task A_post_published_later_shows_in_the_list_at_the_next_request()
    {
        var tenant = await BlogRecipe.NewTenantAsync(site);
        try
        {
            var before = await site.GetAsync($"/{tenant}/field-notes");
            Assert.Equal("Dawn Chorus", before.Document.QuerySelector("main ul.list-items > li h3 a")?.TextContent.Trim());

            await BlogRecipe.ImportAsync(site, tenant, """
                {"name":"more","steps":[{"name":"Content","data":[
                  {"ContentItemId":"post-robin","ContentType":"BlogPost","Published":true,"TitlePart":{"Title":"A Robin Sings"},
                   "ContainedPart":{"ListContentItemId":"blog-field-notes","Order":-1},"MarkdownBodyPart":{"Markdown":"Tweet."}}]}]}
                """);

            var after = await site.GetAsync($"/{tenant}/field-notes");
            var first = after.Document.QuerySelector("main ul.list-items > li h3 a");
            Assert.Equal("A Robin Sings", first?.TextContent.Trim());
            Assert.Equal($"/{tenant}/field-notes/a-robin-sings", first?.GetAttribute("href"));
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }

    [Fact]
    public async Task An_odd_ContainedPart_is_imported_without_listing_the_item_and_the_pages_still_render()
    {
        var tenant = await BlogRecipe.NewTenantAsync(site, """
            {"name":"Content","data":[
              {"ContentItemId":"post-odd","ContentType":"BlogPost","Published":true,"TitlePart":{"Title":"Odd Container"},"AutoroutePart":{"Path":"odd"},
               "ContainedPart":{"ListContentItemId":5,"Order":"first"}},
              {"ContentItemId":"post-gone","ContentType":"BlogPost","Published":true,"TitlePart":{"Title":"Removed Container"},"AutoroutePart":{"Path":"gone"},
               "ContainedPart":{"ListContentItemId":"no-such-blog","Order":1}}]}
            """);
        try
        {
            foreach (var path in new[] { "odd", "gone", "field-notes" })
            {
                var page = await site.GetAsync($"/{tenant}/{path}");
                Assert.True(page.Status == HttpStatusCode.OK, $"/{tenant}/{path} answered {(int)page.Status}");
                Assert.Null(page.Document.QuerySelector(".container-link"));
            }

            await using var scope = site.TenantScope(tenant);
            var listed = await scope.ServiceProvider.GetRequiredService<ContentQueryFactory>().Query()
                .WhereField("ContainedPart", "ListContentItemId", f => f.Text == "blog-field-notes").CountAsync();
            Assert.Equal(BlogRecipe.Posts.Count, listed);
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ListPartSqliteTests(SqliteSite site) : ListPartTests(site);

[Collection(PostgresCollection.Name)]
public sealed class ListPartPostgresTests(PostgresSite site) : ListPartTests(site);
