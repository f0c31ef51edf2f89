using System.Net;
using MedTour.Cms.Modules.MediaAdmin;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.MediaAdmin;

/// <summary>The admin's media library: uploads (many at once, names made safe, alt texts, SVG cleaned), folders, picker mode, permissions.</summary>
public abstract class MediaLibraryTests(SiteFixture site)
{
    [Fact]
    public async Task Many_files_are_uploaded_at_once_with_safe_unique_names_and_their_alt_texts_and_listed()
    {
        using var editor = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Editor);
        var folder = MediaSamples.NewFolder(site, "ukraine");
        using var form = MediaSamples.Form(
            [("Hero Photo.JPG", MediaSamples.Jpeg(800, 450)), ("hero-photo.jpg", MediaSamples.Jpeg(64, 64)), ("plan (1).png", MediaSamples.Png()), ("report.pdf", MediaSamples.Pdf)],
            ("folder", folder), ("alt-uk", "Фасад клініки"), ("alt-ru", "Фасад клиники"));
        using var response = await editor.PostMultipartAsync("/admin/media/upload", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var stored = Directory.GetFiles(MediaSamples.MediaFile(site, "ukraine", folder)).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Hero-Photo.jpg", "hero-photo.jpg", "plan-1.png", "report.pdf"], stored);

        var page = await editor.PageAsync(response.Headers.Location!.OriginalString[editor.Prefix.Length..]);
        var names = page.QuerySelectorAll(".media-card a").Select(a => a.TextContent).ToList();
        Assert.Contains("Hero-Photo.jpg", names);
        Assert.Contains("plan-1.png", names);
        Assert.Contains("4", page.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);

        var file = await editor.PageAsync($"/admin/media/file?path={folder}/plan-1.png");
        Assert.Equal("Фасад клініки", file.QuerySelector("#alt-uk")!.GetAttribute("value"));
        Assert.Equal("Фасад клиники", file.QuerySelector("#alt-ru")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_second_upload_of_the_same_name_gets_a_new_name_and_alt_texts_are_edited_per_file()
    {
        using var editor = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Author);
        var folder = MediaSamples.NewFolder(site, "ukraine");
        using (var first = await editor.UploadAsync(folder, ("photo.png", MediaSamples.Png())))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using (var second = await editor.UploadAsync(folder, ("photo.png", MediaSamples.Png(10, 10))))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        Assert.True(File.Exists(MediaSamples.MediaFile(site, "ukraine", $"{folder}/photo-1.png")));
        using var saved = await editor.PostFormAsync("/admin/media/file/texts", [new("path", $"{folder}/photo-1.png"), new("alt-uk", "Схема"), new("alt-ru", "")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await editor.PageAsync($"/admin/media/file?path={folder}/photo-1.png");
        Assert.Equal("Схема", page.QuerySelector("#alt-uk")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#alt-ru")!.GetAttribute("value"));

        using var tooLong = await editor.PostFormAsync("/admin/media/file/texts", [new("path", $"{folder}/photo-1.png"), new("alt-uk", new string('x', 501))]);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.NotNull(AdminSession.Parse(await tooLong.Content.ReadAsStringAsync()).QuerySelector("#alt-uk-error"));
        Assert.Equal("Схема", (await editor.PageAsync($"/admin/media/file?path={folder}/photo-1.png")).QuerySelector("#alt-uk")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("fake.jpg", "pdf", "does not match its extension (JPEG)")]
    [InlineData("../escape.png", "png", "must not contain a folder path")]
    [InlineData("..\\escape.png", "png", "must not contain a folder path")]
    [InlineData("script.exe", "pdf", "only JPEG, PNG")]
    [InlineData("page.svg", "html", "does not match its extension (SVG)")]
    [InlineData("page.html", "html", "only JPEG, PNG")]
    [InlineData("empty.png", "empty", "is empty")]
    [InlineData("huge.jpg", "huge", "is larger than 10 MB")]
    [InlineData("truncated.png", "truncated", "damaged or not a readable image")]
    public async Task A_bad_file_refuses_the_whole_upload_with_a_400_naming_it(string name, string content, string message)
    {
        using var editor = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Editor);
        var folder = MediaSamples.NewFolder(site, "ukraine");
        var bytes = content switch
        {
            "pdf" => MediaSamples.Pdf,
            "png" => MediaSamples.Png(),
            "html" => "<html><script>alert(1)</script></html>"u8.ToArray(),
            "empty" => [],
            "huge" => [.. MediaSamples.Jpeg(16, 16), .. new byte[10 * 1024 * 1024]],
            _ => MediaSamples.Png()[..40],
        };
        using var response = await editor.UploadAsync(folder, ("good.png", MediaSamples.Png()), (name, bytes));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = AdminSession.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#files-error")?.TextContent ?? string.Empty;
        Assert.Contains(name, error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(MediaSamples.MediaFile(site, "ukraine", folder)));
        Assert.False(File.Exists(MediaSamples.MediaFile(site, "ukraine", "escape.png")));
    }

    [Theory]
    [InlineData("no-such-folder")]
    [InlineData("../..")]
    [InlineData("a/../../b")]
    public async Task An_unknown_or_escaping_folder_is_a_400_and_nothing_is_saved(string folder)
    {
        using var editor = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Editor);
        using (var browse = await editor.GetAsync("/admin/media?folder=" + Uri.EscapeDataString(folder)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, browse.StatusCode);
            Assert.Contains(folder, AdminSession.Parse(await browse.Content.ReadAsStringAsync()).QuerySelector("#folder-error")!.TextContent, StringComparison.Ordinal);
        }

        var name = "orphan-" + Guid.NewGuid().ToString("N")[..8] + ".png";
        using var upload = await editor.UploadAsync(folder, (name, MediaSamples.Png()));
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        var root = Path.GetDirectoryName(MediaSamples.TenantFolder(site, "ukraine"))!;
        Assert.Empty(Directory.GetFiles(root, name, SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Svg_uploads_lose_scripts_handlers_external_references_and_foreign_objects_and_are_served_with_the_csp()
    {
        using var editor = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Editor);
        var folder = MediaSamples.NewFolder(site, "ukraine");
        using var response = await editor.UploadAsync(folder, ("logo.svg", MediaSamples.HostileSvg));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await File.ReadAllTextAsync(MediaSamples.MediaFile(site, "ukraine", $"{folder}/logo.svg"));
        foreach (var gone in (string[])["<script", "alert", "foreignObject", "onload", "onclick", "evil.example", "xml-stylesheet", "javascript:"])
        {
            Assert.DoesNotContain(gone, stored, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("href=\"#r\"", stored, StringComparison.Ordinal);
        Assert.Contains("url(#g)", stored, StringComparison.Ordinal);
        using var served = await site.Client().GetAsync(new Uri($"/ua/media/{folder}/logo.svg", UriKind.Relative));
        Assert.Equal("image/svg+xml", served.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", string.Join(";", served.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folders_are_created_browsed_and_deleted_only_when_empty()
    {
        using var editor = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Editor);
        var parent = MediaSamples.NewFolder(site, "ukraine");
        using (var created = await editor.PostFormAsync("/admin/media/folders", [new("folder", parent), new("name", "clinics")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var page = await editor.PageAsync($"/admin/media?folder={parent}");
        Assert.Contains("clinics", page.QuerySelectorAll(".media-folders a").Select(a => a.TextContent));
        foreach (var bad in (string[])["../up", "a/b", "with space", "", "clinics"])
        {
            using var refused = await editor.PostFormAsync("/admin/media/folders", [new("folder", parent), new("name", bad)]);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull(AdminSession.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#name-error"));
        }

        Assert.Equal(["clinics"], Directory.GetDirectories(MediaSamples.MediaFile(site, "ukraine", parent)).Select(Path.GetFileName).ToList());
        using (var upload = await editor.UploadAsync($"{parent}/clinics", ("a.png", MediaSamples.Png())))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }

        using (var notEmpty = await editor.PostFormAsync("/admin/media/folders/delete", [new("folder", $"{parent}/clinics")]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notEmpty.StatusCode);
        }

        using (var deleteFile = await editor.PostFormAsync("/admin/media/file/delete", [new("path", $"{parent}/clinics/a.png")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleteFile.StatusCode);
        }

        using (var deleted = await editor.PostFormAsync("/admin/media/folders/delete", [new("folder", $"{parent}/clinics")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.False(Directory.Exists(MediaSamples.MediaFile(site, "ukraine", $"{parent}/clinics")));
        using var root = await editor.PostFormAsync("/admin/media/folders/delete", [new("folder", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, root.StatusCode);
    }

    [Fact]
    public async Task The_picker_mode_offers_each_file_with_its_path_and_keeps_the_mode_in_links_and_forms()
    {
        using var editor = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Author);
        var folder = MediaSamples.NewFolder(site, "ukraine");
        Directory.CreateDirectory(MediaSamples.MediaFile(site, "ukraine", $"{folder}/sub"));
        (await editor.UploadAsync(folder, ("pick.png", MediaSamples.Png()))).Dispose();

        var page = await editor.PageAsync($"/admin/media?folder={folder}&picker=1&field=Article_HeroImage");
        var choose = page.QuerySelector("button[data-media-pick]")!;
        Assert.Equal($"{folder}/pick.png", choose.GetAttribute("data-path"));
        Assert.Equal("Article_HeroImage", choose.GetAttribute("data-field"));
        Assert.Equal($"{folder}/pick.png", page.QuerySelector(".media-card input[readonly]")!.GetAttribute("value"));
        Assert.Contains("picker=1&field=Article_HeroImage", page.QuerySelector(".media-folders a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("Article_HeroImage", page.QuerySelector("form[action$='/admin/media/upload'] input[name=field]")!.GetAttribute("value"));
        Assert.Null((await editor.PageAsync($"/admin/media?folder={folder}")).QuerySelector("button[data-media-pick]"));

        using var bad = await editor.GetAsync("/admin/media?picker=1&field=" + Uri.EscapeDataString("x\"><script>"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.DoesNotContain("<script>", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_upload_endpoint_carries_the_configured_request_limit_for_the_routing_middleware()
    {
        var endpoint = site.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Single(e => e.RoutePattern.RawText == "/admin/media/upload");
        Assert.Equal(new MediaOptions().MaxRequestBytes, endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize);
        Assert.Equal(new MediaOptions().MaxRequestBytes, endpoint.Metadata.GetMetadata<IFormOptionsMetadata>()?.MultipartBodyLengthLimit);
    }

    [Fact]
    public async Task Only_users_with_manage_media_reach_the_library_and_an_anonymous_visitor_is_sent_to_sign_in()
    {
        using var coordinator = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Coordinator);
        var folder = MediaSamples.NewFolder(site, "ukraine");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/admin/media")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/admin/media/file?path=x.png")).StatusCode);
        using (var upload = await coordinator.UploadAsync(folder, ("x.png", MediaSamples.Png())))
        {
            Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        }

        Assert.Empty(Directory.GetFiles(MediaSamples.MediaFile(site, "ukraine", folder)));
        using var anonymous = await site.Client().GetAsync(new Uri("/ua/admin/media", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/ua/login", anonymous.Headers.Location!.AbsolutePath);

        using var author = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Author);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync("/admin/media")).StatusCode);
        using var europe = await author.Client.GetAsync(new Uri("/eu/admin/media", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, europe.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteMediaLibraryTests(SqliteSite site) : MediaLibraryTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMediaLibraryTests(PostgresSite site) : MediaLibraryTests(site);
