using System.Net;
using System.Net.Http.Headers;
using MedTour.Cms.Modules.MediaAdmin.Variants;
using MedTour.Cms.Tests.Infrastructure;
using SixLabors.ImageSharp;

namespace MedTour.Cms.Tests.MediaAdmin;

/// <summary>
/// Image variants on the public media URLs: only configured sizes, made once (however many ask at once) and then
/// served from disk with an ETag; anything else is a 400 naming the file, never a 500, and makes nothing.
/// </summary>
public abstract class MediaVariantTests(SiteFixture site)
{
    private string Photo(string name = "photo.jpg", byte[]? bytes = null)
    {
        var folder = MediaSamples.NewFolder(site, "ukraine");
        File.WriteAllBytes(MediaSamples.MediaFile(site, "ukraine", $"{folder}/{name}"), bytes ?? MediaSamples.Jpeg(1600, 900));
        return $"{folder}/{name}";
    }

    private string CacheOf(string path) => Path.Combine(MediaSamples.TenantFolder(site, "ukraine"), "MediaCache", path);

    [Fact]
    public async Task A_variant_is_generated_once_however_many_ask_at_once_then_served_from_disk_with_an_etag()
    {
        var path = Photo();
        var variants = site.Service<MediaVariants>();
        var before = variants.Generations;
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            site.Client().GetAsync(new Uri($"/ua/media/{path}?width=640&v={i}", UriKind.Relative))));
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var image = Image.Load(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal((640, 360), (image.Width, image.Height));
        }

        Assert.Equal(1, variants.Generations - before);
        var cached = Assert.Single(Directory.GetFiles(CacheOf(path)));
        Assert.StartsWith("640xauto-max-", Path.GetFileName(cached), StringComparison.Ordinal);

        using var again = await site.Client().GetAsync(new Uri($"/ua/media/{path}?width=640", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotNull(again.Headers.ETag);
        Assert.Contains("max-age", again.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri($"/ua/media/{path}?width=640", UriKind.Relative));
        conditional.Headers.IfNoneMatch.Add(again.Headers.ETag!);
        using var notModified = await site.Client().SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(1, variants.Generations - before);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Concurrent_calls_for_one_variant_share_one_generation()
    {
        var path = Photo();
        var variants = site.Service<MediaVariants>();
        var before = variants.Generations;
        var source = MediaSamples.MediaFile(site, "ukraine", path);
        var files = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
            variants.GetAsync(source, CacheOf(path), new VariantRequest(320, 320, VariantMode.Crop)))));
        Assert.Single(files.Distinct());
        Assert.Equal(1, variants.Generations - before);
        using var image = Image.Load(files[0]);
        Assert.Equal((320, 320), (image.Width, image.Height));
    }

    [Theory]
    [InlineData("width=1920", 1600, 900)]
    [InlineData("height=180", 320, 180)]
    [InlineData("width=320&height=320&mode=crop", 320, 320)]
    [InlineData("width=320&height=320&mode=pad", 320, 320)]
    [InlineData("width=320&height=320", 320, 180)]
    public async Task Variants_fit_crop_or_pad_and_never_enlarge_in_max_mode(string query, int width, int height)
    {
        var path = Photo();
        using var response = await site.Client().GetAsync(new Uri($"/ua/media/{path}?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        using var image = Image.Load(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((width, height), (image.Width, image.Height));
    }

    [Theory]
    [InlineData("width=641", "width must be one of")]
    [InlineData("width=99999", "width must be one of")]
    [InlineData("width=-320", "width must be one of")]
    [InlineData("width=abc", "width must be one of")]
    [InlineData("width=320&width=640", "width must be one of")]
    [InlineData("height=1", "height must be one of")]
    [InlineData("mode=crop", "give a width or a height")]
    [InlineData("width=320&mode=zoom", "mode must be max, crop or pad")]
    [InlineData("width=320&mode=1", "mode must be max, crop or pad")]
    [InlineData("width=320&mode=crop", "needs both a width and a height")]
    public async Task A_size_or_mode_that_is_not_configured_is_a_400_and_makes_nothing(string query, string message)
    {
        var path = Photo();
        using var response = await site.Client().GetAsync(new Uri($"/ua/media/{path}?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("photo.jpg", text, StringComparison.Ordinal);
        Assert.Contains(message, text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(CacheOf(path)));
    }

    [Theory]
    [InlineData("report.pdf", "pdf", "apply to JPEG, PNG, GIF and WebP")]
    [InlineData("logo.svg", "svg", "apply to JPEG, PNG, GIF and WebP")]
    [InlineData("fake.jpg", "text", "not an image that can be resized")]
    [InlineData("cut.png", "truncated", "not an image that can be resized")]
    public async Task A_file_that_is_no_raster_image_is_a_400_naming_it_never_a_500(string name, string content, string message)
    {
        var bytes = content switch
        {
            "pdf" => MediaSamples.Pdf,
            "svg" => "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray(),
            "text" => "just text"u8.ToArray(),
            _ => MediaSamples.Png()[..60],
        };
        var path = Photo(name, bytes);
        using var response = await site.Client().GetAsync(new Uri($"/ua/media/{path}?width=320", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.Contains(message, text, StringComparison.Ordinal);
        using var original = await site.Client().GetAsync(new Uri($"/ua/media/{path}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
    }

    [Fact]
    public async Task Unknown_query_parameters_do_not_make_variants_and_missing_files_are_404()
    {
        var path = Photo();
        using var plain = await site.Client().GetAsync(new Uri($"/ua/media/{path}?w=100&size=2000", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(MediaSamples.Jpeg(1600, 900).Length, (await plain.Content.ReadAsByteArrayAsync()).Length);
        Assert.False(Directory.Exists(CacheOf(path)));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync(new Uri("/ua/media/nothing-here.jpg?width=320", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync(new Uri("/ua/media/..%2F..%2Ftenants.json?width=320", UriKind.Relative))).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteMediaVariantTests(SqliteSite site) : MediaVariantTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMediaVariantTests(PostgresSite site) : MediaVariantTests(site);
