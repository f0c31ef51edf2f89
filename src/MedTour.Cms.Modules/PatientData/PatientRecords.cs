using System.Text.Json;
using MedTour.Cms.Data;
using MedTour.Cms.Modules.Forms;
using MedTour.Cms.Security;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.PatientData;

/// <summary>
/// One patient's requests on the current tenant, found by the keyed hash of their e-mail or phone (as the form stored
/// it), exported decrypted or erased. Every export and erasure writes an audit row with counts only. Scoped.
/// </summary>
public sealed class PatientRecords(
    CmsDbContext db,
    CurrentTenant tenant,
    AppPaths paths,
    ContactHasher hasher,
    SubmissionEraser eraser,
    PatientDataAudit audit,
    IDataProtectionProvider provider,
    IHttpContextAccessor http,
    TimeProvider clock)
{
    /// <summary>The ids of the contact's requests, oldest first.</summary>
    public async Task<List<long>> FindAsync(PatientContact contact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var hash = hasher.Hash(tenant.Name, contact.Value);
        var query = contact.Field == "phone" ? db.Submissions.Where(s => s.PhoneHash == hash) : db.Submissions.Where(s => s.EmailHash == hash);
        return await query.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The contact's requests with their fields, files and history decrypted; file bytes included unless <paramref name="forZip"/>.</summary>
    public async Task<PatientExport> ExportAsync(PatientContact contact, bool forZip, string? actor = null, CancellationToken cancellationToken = default)
    {
        var ids = await FindAsync(contact, cancellationToken);
        var fieldsProtector = TenantProtectors.For(provider, http, tenant.Settings, SubmissionStore.FieldsPurpose);
        var filesProtector = TenantProtectors.For(provider, http, tenant.Settings, SubmissionStore.FilesPurpose);
        var folder = Path.Combine(paths.TenantFolder(tenant.Name), "Submissions");
        var submissions = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var files = await db.SubmissionFiles.AsNoTracking().Where(f => ids.Contains(f.SubmissionId)).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        var history = await db.SubmissionHistory.AsNoTracking().Where(h => ids.Contains(h.SubmissionId)).OrderBy(h => h.Id).ToListAsync(cancellationToken);
        var exported = new List<ExportedSubmission>();
        var fileCount = 0;
        foreach (var s in submissions)
        {
            var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(fieldsProtector.Unprotect(s.ProtectedFields)) ?? [];
            var mine = new List<ExportedFile>();
            foreach (var f in files.Where(f => f.SubmissionId == s.Id))
            {
                var name = fieldsProtector.Unprotect(f.ProtectedName);
                var path = Path.Combine(folder, Path.GetFileName(f.StoredName));
                var bytes = File.Exists(path) ? filesProtector.Unprotect(await File.ReadAllBytesAsync(path, cancellationToken)) : null;
                // Numbered, so two files of the same name in one request both survive in the zip.
                var zipPath = $"files/{s.Reference}/{mine.Count + 1}-{SafeName(name)}";
                mine.Add(new ExportedFile(name, f.Kind, f.Length, forZip && bytes is not null ? zipPath : null, bytes));
                fileCount++;
            }

            var rows = history.Where(h => h.SubmissionId == s.Id)
                .Select(h => new ExportedHistory(h.Kind, h.AtUtc, h.Actor, h.Value, h.ProtectedText is { Length: > 0 } t ? fieldsProtector.Unprotect(t) : null))
                .ToList();
            exported.Add(new ExportedSubmission(s.Reference, s.FormId, s.Culture, s.CreatedUtc, s.Status, s.ConvertedUtc, s.PrivacyNoticeVersion, fields, mine, rows));
        }

        await audit.RecordAsync(PatientDataAudit.Exported, new ErasedCounts(exported.Count, fileCount, history.Count, 0, 0), actor, cancellationToken);
        return new PatientExport(tenant.Name, clock.GetUtcNow().UtcDateTime, contact.Field, exported);
    }

    /// <summary>Removes the contact's requests and all that belongs to them; the audit row says how much, not whose.</summary>
    public async Task<ErasedCounts> EraseAsync(PatientContact contact, string? actor = null, CancellationToken cancellationToken = default)
    {
        var ids = await FindAsync(contact, cancellationToken);
        var counts = await eraser.EraseAsync(ids, cancellationToken);
        await audit.RecordAsync(PatientDataAudit.Erased, counts, actor, cancellationToken);
        return counts;
    }

    private static string SafeName(string name)
    {
        var clean = new string(Path.GetFileName(name).Select(c => char.IsControl(c) || Path.GetInvalidFileNameChars().Contains(c) ? '_' : c).ToArray());
        return clean.Length == 0 ? "file" : clean;
    }
}
