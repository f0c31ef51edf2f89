using System.Net;

namespace MedTour.Cms.Web.Hosting;

/// <summary>
/// For bench/ only (<c>MedTour:Bench:Baseline=true</c>): <c>PUT /__bench/baseline</c> stores a body, <c>GET</c>
/// returns the same bytes from memory. Pages are measured as a ratio to it, on the same machine, in the same run.
/// Loopback clients only.
/// </summary>
public static class BenchBaseline
{
    public static WebApplication UseBenchBaseline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Configuration.GetValue<bool>("MedTour:Bench:Baseline"))
        {
            return app;
        }

        var stored = new StoredResponse();
        app.Map("/__bench/baseline", branch => branch.Run(async context =>
        {
            if (context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            if (HttpMethods.IsPut(context.Request.Method))
            {
                using var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer);
                stored.Body = buffer.ToArray();
                stored.ContentType = context.Request.ContentType ?? "text/html; charset=utf-8";
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }

            context.Response.ContentType = stored.ContentType;
            context.Response.ContentLength = stored.Body.Length;
            await context.Response.Body.WriteAsync(stored.Body);
        }));
        return app;
    }

    private sealed class StoredResponse
    {
        public byte[] Body { get; set; } = [];
        public string ContentType { get; set; } = "text/plain";
    }
}
