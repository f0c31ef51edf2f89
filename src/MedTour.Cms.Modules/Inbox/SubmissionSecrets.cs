using System.Security.Cryptography;
using System.Text.Json;
using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Modules.Forms;
using MedTour.Cms.Security;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.Inbox;

/// <summary>
/// Reads what <see cref="SubmissionStore"/> encrypted (fields, file names, file bytes) and encrypts the inbox's notes,
/// all with the tenant's purposes: another tenant's key cannot read them. Scoped.
/// </summary>
public sealed class SubmissionSecrets(CurrentTenant tenant, AppPaths paths, IDataProtectionProvider provider, IHttpContextAccessor http)
{
    private IDataProtector? _fields;
    private IDataProtector? _files;

    /// <summary>The submitted answers by field name; empty when they cannot be read (a key lost), never an exception.</summary>
    public IReadOnlyDictionary<string, string> Fields(SubmissionRecord submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var json = TryUnprotect(submission.ProtectedFields);
        return json is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
    }

    public string FileName(SubmissionFileRecord file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return TryUnprotect(file.ProtectedName) ?? $"file-{file.Id}.{file.Kind}";
    }

    /// <summary>The file's decrypted bytes, or null when the stored file is gone.</summary>
    public async Task<byte[]?> FileBytesAsync(SubmissionFileRecord file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = Path.Combine(paths.TenantFolder(tenant.Settings.Name), "Submissions", Path.GetFileName(file.StoredName));
        if (!File.Exists(path))
        {
            return null;
        }

        return FilesProtector.Unprotect(await File.ReadAllBytesAsync(path, cancellationToken));
    }

    public string ProtectNote(string text) => FieldsProtector.Protect(text);

    public string? Note(SubmissionHistoryRecord entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.ProtectedText is null ? null : TryUnprotect(entry.ProtectedText);
    }

    private string? TryUnprotect(string text)
    {
        try
        {
            return FieldsProtector.Unprotect(text);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private IDataProtector FieldsProtector => _fields ??= TenantProtectors.For(provider, http, tenant.Settings, SubmissionStore.FieldsPurpose);

    private IDataProtector FilesProtector => _files ??= TenantProtectors.For(provider, http, tenant.Settings, SubmissionStore.FilesPurpose);
}
