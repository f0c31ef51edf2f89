using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace MedTour.Cms.Modules.Forms;

/// <summary>
/// Reads a post's values and files, bounded: a form (urlencoded or multipart) or, for the API, a JSON object of
/// field → value (or <c>{"fields": {…}}</c>). Returns null when the body cannot be read within the limits.
/// </summary>
public static class SubmissionRequest
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { FormTicket.FieldName, "__RequestVerificationToken" };

    public static async Task<PostedForm?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes;
        }

        try
        {
            return request.HasFormContentType ? await ReadFormAsync(request, maxBytes, cancellationToken)
                : request.HasJsonContentType() ? await ReadJsonAsync(request, maxBytes, cancellationToken)
                : null;
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException or JsonException)
        {
            return null;
        }
    }

    private static async Task<PostedForm> ReadFormAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(new FormOptions
        {
            MultipartBodyLengthLimit = maxBytes,
            ValueCountLimit = 64,
            ValueLengthLimit = 64 * 1024,
            KeyLengthLimit = 256,
        }, cancellationToken);
        var values = form.Where(f => !Reserved.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value.FirstOrDefault() ?? string.Empty, StringComparer.Ordinal);
        var files = new List<IncomingFile>();
        foreach (var file in form.Files.Where(f => f.Length > 0 || f.FileName.Length > 0))
        {
            using var stream = new MemoryStream((int)Math.Min(file.Length, maxBytes));
            await file.CopyToAsync(stream, cancellationToken);
            files.Add(new IncomingFile(file.Name, file.FileName, stream.ToArray()));
        }

        return new PostedForm(values, files, form[FormTicket.FieldName].FirstOrDefault());
    }

    private static async Task<PostedForm> ReadJsonAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw new InvalidDataException("Too large.");
        }

        using var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 4 }, cancellationToken);
        var root = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("fields", out var fields) ? fields : document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("Not an object.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString() ?? string.Empty,
                JsonValueKind.True => "true",
                JsonValueKind.False or JsonValueKind.Null => string.Empty,
                _ => property.Value.GetRawText(),
            };
        }

        return new PostedForm(values, [], null);
    }
}

/// <summary>A post's field values, files and form ticket (absent from API posts).</summary>
public sealed record PostedForm(Dictionary<string, string> Values, List<IncomingFile> Files, string? Ticket);
