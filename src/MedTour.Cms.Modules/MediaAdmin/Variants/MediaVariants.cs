using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;

namespace MedTour.Cms.Modules.MediaAdmin.Variants;

/// <summary>
/// Makes image variants with ImageSharp and keeps them on disk (the tenant's <c>MediaCache</c>): the first request
/// for a variant makes it, every later one — and every concurrent one, which waits for the same task — gets the file.
/// The variant's name carries the source's modification time and length, so a replaced source gets new variants.
/// Singleton: the in-flight table is keyed by the variant's full path (which holds the tenant), and at most
/// <see cref="MediaOptions.MaxConcurrentGenerations"/> images are decoded at once, so memory stays bounded.
/// </summary>
public sealed class MediaVariants : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> _inFlight = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _decoding;
    private readonly MediaOptions _options;
    private long _generations;

    public MediaVariants(IOptions<MediaOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _decoding = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrentGenerations));
    }

    /// <summary>How many variants this process has made (the benchmark and the tests count them).</summary>
    public long Generations => Interlocked.Read(ref _generations);

    /// <summary>The variant's file, made now if it is not on disk yet. Throws <see cref="MediaVariantException"/> for a source that is no usable image.</summary>
    public async Task<string> GetAsync(string source, string cacheFolder, VariantRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var info = new FileInfo(source);
        var target = Path.Combine(cacheFolder, $"{request.Key}-{info.LastWriteTimeUtc.Ticks:x}-{info.Length:x}{info.Extension.ToLowerInvariant()}");
        if (File.Exists(target))
        {
            return target;
        }

        var work = _inFlight.GetOrAdd(target, t => new Lazy<Task>(() => GenerateAsync(source, t, request)));
        var task = work.Value;
        // Leaves the table when done, whether or not anyone still waits (a failed one is tried again by the next request).
        _ = task.ContinueWith(_ => _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task>>(target, work)), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        // A visitor who leaves stops waiting; the variant is still made for the others.
        await task.WaitAsync(cancellationToken);
        return target;
    }

    private async Task GenerateAsync(string source, string target, VariantRequest request)
    {
        await _decoding.WaitAsync();
        try
        {
            // Made by a request that finished between our check and our turn.
            if (File.Exists(target))
            {
                return;
            }

            var info = await Identify(source);
            if ((long)info.Width * info.Height > _options.MaxSourcePixels)
            {
                throw new MediaVariantException($"the image is too large to resize ({info.Width} × {info.Height} pixels).");
            }

            var (image, format) = await Load(source);
            using (image)
            {
                image.Metadata.ExifProfile = null;
                image.Metadata.XmpProfile = null;
                image.Mutate(x => x.AutoOrient().Resize(Options(image.Size(), request)));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var temp = target + ".tmp-" + Guid.NewGuid().ToString("N");
                await image.SaveAsync(temp, Encoder(format));
                File.Move(temp, target, overwrite: true);
            }

            Interlocked.Increment(ref _generations);
        }
        finally
        {
            _decoding.Release();
        }
    }

    /// <summary>The resize for a request: crop and pad fill the box exactly; max fits inside it and never enlarges.</summary>
    public static ResizeOptions Options(Size source, VariantRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Mode != VariantMode.Max)
        {
            return new ResizeOptions
            {
                Size = new Size(request.Width!.Value, request.Height!.Value),
                Mode = request.Mode == VariantMode.Crop ? ResizeMode.Crop : ResizeMode.Pad,
            };
        }

        var scale = Math.Min(1d, Math.Min(
            request.Width is { } w ? (double)w / source.Width : double.MaxValue,
            request.Height is { } h ? (double)h / source.Height : double.MaxValue));
        return new ResizeOptions
        {
            Size = new Size(Math.Max(1, (int)Math.Round(source.Width * scale)), Math.Max(1, (int)Math.Round(source.Height * scale))),
            Mode = ResizeMode.Stretch,
        };
    }

    private static async Task<IImageInfo> Identify(string source)
    {
        try
        {
            await using var stream = File.OpenRead(source);
            return await Image.IdentifyAsync(stream) ?? throw new MediaVariantException("the file is not an image that can be resized.");
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            throw new MediaVariantException("the file is not an image that can be resized.", e);
        }
    }

    private static async Task<(Image Image, IImageFormat Format)> Load(string source)
    {
        try
        {
            await using var stream = File.OpenRead(source);
            return await Image.LoadWithFormatAsync(stream);
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            throw new MediaVariantException("the file is not an image that can be resized.", e);
        }
    }

    /// <summary>The source's own format, re-encoded (JPEG and WebP at a quality that suits photos on the web).</summary>
    private static IImageEncoder Encoder(IImageFormat format) => format.Name switch
    {
        "JPEG" => new JpegEncoder { Quality = 82 },
        "Webp" or "WEBP" or "WebP" => new WebpEncoder { Quality = 80 },
        _ => Configuration.Default.ImageFormatsManager.FindEncoder(format),
    };

    public void Dispose() => _decoding.Dispose();
}
