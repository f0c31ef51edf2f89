using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MedTour.Cms.Modules.PatientData;

/// <summary>Writes an export as indented JSON (files inline, base64) or as a zip of <c>export.json</c> and the files beside it.</summary>
public static class PatientExportWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // The patient's own text, readable as typed (Cyrillic stays Cyrillic); this is a file, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Task WriteJsonAsync(PatientExport export, Stream output, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(output, export, Json, cancellationToken);

    /// <summary>The zip in memory (ZipArchive writes synchronously; a response body takes only asynchronous writes).</summary>
    public static byte[] Zip(PatientExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in export.Submissions.SelectMany(s => s.Files).Where(f => f.ZipPath is not null && f.Content is not null))
            {
                using var entry = zip.CreateEntry(file.ZipPath!, CompressionLevel.Fastest).Open();
                entry.Write(file.Content);
            }

            var withoutBytes = export with
            {
                Submissions = [.. export.Submissions.Select(s => s with { Files = [.. s.Files.Select(f => f.ZipPath is null ? f : f with { Content = null })] })],
            };
            using var json = zip.CreateEntry("export.json", CompressionLevel.Fastest).Open();
            JsonSerializer.Serialize(json, withoutBytes, Json);
        }

        return buffer.ToArray();
    }
}
