using System.Net;
using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Modules.MediaAdmin.Storage;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.MediaAdmin;

/// <summary>Deleting a file that content uses asks for a confirmation, names the items, and removes its alt texts and variants with it.</summary>
public abstract class MediaUsageTests(SiteFixture site)
{
    [Fact]
    public async Task Deleting_a_file_an_item_uses_is_refused_until_confirmed_then_removes_texts_and_variants()
    {
        using var editor = await site.SignInAsNewUserAsync("europe", DefaultRoles.Editor);
        var folder = MediaSamples.NewFolder(site, "europe");
        (await editor.UploadAsync(folder, ("hero.jpg", MediaSamples.Jpeg(800, 450)))).Dispose();
        (await editor.UploadAsync(folder, ("other-hero.jpg", MediaSamples.Jpeg(80, 45)))).Dispose();
        var path = $"{folder}/hero.jpg";
        var title = "Uses " + Guid.NewGuid().ToString("N")[..8];
        var article = Articles.New(title, Articles.UniquePath("media-usage"));
        article.Content["Article"]!["HeroImage"] = new JsonObject { ["Paths"] = new JsonArray(path), ["MediaTexts"] = new JsonArray("A hero") };
        await using (var scope = site.TenantScope("europe"))
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(article, VersionOptions.Draft);
        }

        (await editor.PostFormAsync("/admin/media/file/texts", [new("path", path), new("alt-en", "A hero")])).Dispose();
        (await site.Client().GetAsync(new Uri($"/eu/media/{path}?width=320", UriKind.Relative))).Dispose();
        var variants = Path.Combine(MediaSamples.TenantFolder(site, "europe"), "MediaCache", path);
        Assert.True(Directory.Exists(variants));

        var page = await editor.PageAsync($"/admin/media/file?path={path}");
        Assert.Contains(title, page.QuerySelector("[data-media-users]")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await editor.PageAsync($"/admin/media/file?path={folder}/other-hero.jpg")).QuerySelector("[data-media-users]"));

        using (var refused = await editor.PostFormAsync("/admin/media/file/delete", [new("path", path)]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var error = AdminSession.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#confirmUsed-error")!.TextContent;
            Assert.Contains("hero.jpg", error, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(MediaSamples.MediaFile(site, "europe", path)));
        using (var deleted = await editor.PostFormAsync("/admin/media/file/delete", [new("path", path), new("confirmUsed", "1")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.False(File.Exists(MediaSamples.MediaFile(site, "europe", path)));
        Assert.False(Directory.Exists(variants));
        Assert.False(File.Exists(Path.Combine(MediaSamples.TenantFolder(site, "europe"), "MediaText", path + ".json")));
        using var gone = await editor.GetAsync($"/admin/media/file?path={path}");
        Assert.Equal(HttpStatusCode.BadRequest, gone.StatusCode);
        using var missing = await editor.PostFormAsync("/admin/media/file/delete", [new("path", "../../tenants.json")]);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Theory]
    [InlineData("""{"Paths":["a/photo.jpg"]}""", "a/photo.jpg", true)]
    [InlineData("""{"Html":"<img src=\"/ua/media/a/photo.jpg?width=320\">"}""", "a/photo.jpg", true)]
    [InlineData("""{"Paths":["a/my-photo.jpg"]}""", "photo.jpg", false)]
    [InlineData("""{"Paths":["a/photo.jpg"]}""", "photo.jpg", false)]
    [InlineData("""{"Paths":["a/photo.jpg.png"]}""", "a/photo.jpg", false)]
    [InlineData("""{"Html":"<img src=\"~/media/photo.jpg\">"}""", "photo.jpg", true)]
    public void A_path_is_found_only_as_a_whole_library_path(string data, string path, bool expected) =>
        Assert.Equal(expected, MediaUsage.Mentions(data, path));
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteMediaUsageTests(SqliteSite site) : MediaUsageTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMediaUsageTests(PostgresSite site) : MediaUsageTests(site);
