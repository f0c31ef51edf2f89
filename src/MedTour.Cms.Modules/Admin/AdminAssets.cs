using System.Collections.Concurrent;
using MedTour.Cms.Modules.Site;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace MedTour.Cms.Modules.Admin;

/// <summary>
/// The admin's bundles (<c>admin-assets/</c> beside the binaries, built by esbuild) at <c>/admin/assets/…</c> under every
/// tenant, with a content hash in their URLs so they are cached for a year. Singleton.
/// </summary>
public sealed class AdminAssets
{
    private readonly string _root = Path.Combine(AppContext.BaseDirectory, "admin-assets");
    private readonly ConcurrentDictionary<string, string> _fingerprints = new(StringComparer.Ordinal);

    /// <summary>The URL of a bundle with its fingerprint (<c>/ua/admin/assets/admin.js?v=…</c>).</summary>
    public string Url(HttpRequest request, string file)
    {
        ArgumentNullException.ThrowIfNull(request);
        var version = _fingerprints.GetOrAdd(file, f => FileFingerprint.Of(Path.Combine(_root, f)));
        return $"{request.PathBase}/admin/assets/{file}?v={version}";
    }

    public void UseIn(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Directory.CreateDirectory(_root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(_root),
            RequestPath = "/admin/assets",
            OnPrepareResponse = file => file.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable",
        });
    }
}
