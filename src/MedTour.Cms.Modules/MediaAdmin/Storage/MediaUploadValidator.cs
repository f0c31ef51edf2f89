using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;

namespace MedTour.Cms.Modules.MediaAdmin.Storage;

/// <summary>
/// Checks every file of an upload before any is written: a name that is a path, an empty or oversized file, a type
/// the library does not take, bytes that are not what the extension says, an image that does not decode, an SVG
/// that is not a document. Each problem names the file; one bad file refuses the whole upload. Scoped.
/// </summary>
public sealed class MediaUploadValidator(IOptions<MediaOptions> options, AdminRequest A)
{
    public const string Field = "files";

    public async Task<IReadOnlyList<MediaUpload>> ValidateAsync(IReadOnlyList<IFormFile> files, FormErrors errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(errors);
        var limit = options.Value.MaxFileBytes;
        if (files.Count == 0)
        {
            errors.Add(Field, A.T("Choose at least one file."));
            return [];
        }

        if (files.Sum(f => f.Length) > options.Value.MaxRequestBytes)
        {
            errors.Add(Field, A.T("The files are larger than {0} MB together; upload fewer at a time.", Megabytes(options.Value.MaxRequestBytes)));
            return [];
        }

        var uploads = new List<MediaUpload>();
        foreach (var file in files)
        {
            var name = file.FileName;
            if (MediaNames.IsTraversal(name))
            {
                errors.Add(Field, A.T("\"{0}\": a file name must not contain a folder path.", name));
                continue;
            }

            var kind = MediaKind.ForExtension(Path.GetExtension(name));
            var safe = MediaNames.SafeFileName(name);
            if (kind is null || safe is null)
            {
                errors.Add(Field, A.T("\"{0}\": only JPEG, PNG, GIF, WebP, SVG and PDF files are accepted.", name));
                continue;
            }

            if (file.Length == 0)
            {
                errors.Add(Field, A.T("\"{0}\" is empty.", name));
                continue;
            }

            if (file.Length > limit)
            {
                errors.Add(Field, A.T("\"{0}\" is larger than {1} MB.", name, Megabytes(limit)));
                continue;
            }

            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, cancellationToken);
            }

            var detected = MediaSniffer.Detect(bytes);
            if (detected != kind)
            {
                errors.Add(Field, A.T("\"{0}\": its content does not match its extension ({1}).", name, kind.Name));
                continue;
            }

            if (kind == MediaKind.Svg)
            {
                if (SvgSanitizer.Sanitize(bytes) is not { } clean)
                {
                    errors.Add(Field, A.T("\"{0}\" is not a valid SVG document.", name));
                    continue;
                }

                bytes = clean;
            }
            else if (kind.IsRaster && !Decodes(bytes, options.Value.MaxSourcePixels))
            {
                errors.Add(Field, A.T("\"{0}\" is damaged or not a readable image.", name));
                continue;
            }

            uploads.Add(new MediaUpload(name, safe, bytes));
        }

        return uploads;
    }

    /// <summary>Decoded whole (a header alone says nothing of a truncated file), once its size is known to be bounded.</summary>
    private static bool Decodes(byte[] bytes, long maxPixels)
    {
        try
        {
            using var header = new MemoryStream(bytes);
            if (Image.Identify(header) is not { Width: > 0, Height: > 0 } info || (long)info.Width * info.Height > maxPixels)
            {
                return false;
            }

            using var image = Image.Load(bytes);
            return true;
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException or ImageFormatException)
        {
            return false;
        }
    }

    private static long Megabytes(long bytes) => Math.Max(1, bytes / (1024 * 1024));
}
