using System.Net.Http.Headers;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MedTour.Cms.Tests.MediaAdmin;

/// <summary>Files for the media tests: real images made in memory, and multipart uploads as a browser sends them.</summary>
public static class MediaSamples
{
    public static byte[] Jpeg(int width = 1600, int height = 900)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(30, 120, 200));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    public static byte[] Png(int width = 400, int height = 300)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(200, 50, 50, 255));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    public static byte[] Pdf => "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    public static byte[] HostileSvg => """
        <?xml version="1.0"?>
        <?xml-stylesheet href="https://evil.example/x.css"?>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10" onload="alert(1)">
          <script>alert(2)</script>
          <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>
          <a href="javascript:alert(3)"><rect id="r" width="5" height="5" onclick="alert(4)" style="fill:url(https://evil.example/p)"/></a>
          <use xlink:href="https://evil.example/s.svg#x"/>
          <use xlink:href="#r"/>
          <circle cx="5" cy="5" r="2" fill="url(#g)"/>
        </svg>
        """u8.ToArray();

    /// <summary>A multipart form of files (name, bytes) and fields.</summary>
    public static MultipartFormDataContent Form(IEnumerable<(string Name, byte[] Bytes)> files, params (string Name, string Value)[] fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            // Set by hand: MultipartFormDataContent would quote and strip a name such as "../x.png".
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"files\"", FileName = "\"" + name + "\"" };
            content.Add(file);
        }

        return content;
    }

    public static Task<HttpResponseMessage> UploadAsync(this AdminSession session, string folder, params (string Name, byte[] Bytes)[] files) =>
        session.PostMultipartAsync("/admin/media/upload", Form(files, ("folder", folder)));

    /// <summary>A folder of its own in the tenant's library, so tests do not see each other's files.</summary>
    public static string NewFolder(SiteFixture site, string tenant)
    {
        ArgumentNullException.ThrowIfNull(site);
        var name = "t" + Guid.NewGuid().ToString("N")[..10];
        Directory.CreateDirectory(Path.Combine(site.Service<AppPaths>().MediaFolder(tenant), name));
        return name;
    }

    public static string MediaFile(SiteFixture site, string tenant, string path) =>
        Path.Combine(site.Service<AppPaths>().MediaFolder(tenant), path);

    public static string TenantFolder(SiteFixture site, string tenant) => site.Service<AppPaths>().TenantFolder(tenant);
}
