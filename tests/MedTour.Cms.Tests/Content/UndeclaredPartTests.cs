using System.Net;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Caching;
using MedTour.Cms.Data;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Content;

/// <summary>A part that an item's type does not declare is not saved, indexed, routed or shown.</summary>
[Collection(SqliteCollection.Name)]
public sealed class UndeclaredPartTests(SqliteSite site)
{
    // A Coordinator declares TitlePart and Coordinator only: no route, no body.
    private const string SmuggledCoordinator = """
        {"name":"Content","data":[
          {"ContentItemId":"c1","ContentType":"Coordinator","Published":true,"TitlePart":{"Title":"Smuggler"},
           "Coordinator":{"Email":{"Text":"c@example.test"}},
           "AutoroutePart":{"Path":"smuggled"},"LocalizationPart":{"Culture":"en"},
           "HtmlBodyPart":{"Html":"<script>alert(1)</script><img src=x onerror=alert(2)>"}}
        ]}
        """;

    [Fact]
    public async Task An_undeclared_autoroute_and_body_give_no_url_and_are_not_stored()
    {
        var tenant = await site.NewTenantAsync("undeclared", "medtour-content-types", SmuggledCoordinator);
        try
        {
            var page = await site.GetAsync($"/{tenant}/smuggled");
            Assert.Equal(HttpStatusCode.NotFound, page.Status);
            Assert.DoesNotContain("alert(", page.Body, StringComparison.Ordinal);

            await using var scope = site.TenantScope(tenant);
            var item = await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync("c1");
            Assert.NotNull(item);
            Assert.Equal(["TitlePart", "Coordinator"], item.Content.Select(p => p.Key));
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            Assert.False(await db.Routes.AnyAsync(r => r.ContentItemId == "c1"));
            Assert.False(await db.Localizations.AnyAsync(r => r.ContentItemId == "c1"));
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }

    [Fact]
    public async Task A_stored_row_with_an_undeclared_part_is_shown_and_reindexed_without_it()
    {
        var tenant = await site.NewTenantAsync("undeclared", "medtour-content-types",
            """{"name":"Content","data":[{"ContentItemId":"c2","ContentType":"Coordinator","Published":true,"TitlePart":{"Title":"Old row"},"Coordinator":{"Email":{"Text":"o@example.test"}}}]}""");
        try
        {
            await using var scope = site.TenantScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            // As a row saved before its type lost the part (or written by another tool) would be.
            var row = await db.ContentItems.AsTracking().SingleAsync(x => x.ContentItemId == "c2");
            row.Data = """{"TitlePart":{"Title":"Old row"},"Coordinator":{"Email":{"Text":"o@example.test"}},"AutoroutePart":{"Path":"old-row"},"HtmlBodyPart":{"Html":"<form action=\"https://evil.example\"></form>"}}""";
            await db.SaveChangesAsync();

            var shown = await scope.ServiceProvider.GetRequiredService<PublishedContent>().GetAsync("c2");
            Assert.NotNull(shown);
            Assert.Null(shown.FindPart("HtmlBodyPart"));
            Assert.Null(shown.FindPart("AutoroutePart"));

            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            await content.UnpublishAsync((await content.GetAsync("c2"))!);
            await content.PublishAsync((await content.GetAsync("c2", VersionOptions.Latest))!);
            Assert.False(await db.Routes.AnyAsync(r => r.ContentItemId == "c2"));
            Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync($"/{tenant}/old-row")).Status);
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }
}
