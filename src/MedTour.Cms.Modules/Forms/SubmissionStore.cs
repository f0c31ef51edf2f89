using System.Text.Json;
using MedTour.Cms.Data;
using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Modules.Email;
using MedTour.Cms.Security;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Forms;

/// <summary>
/// Stores an accepted submission before anyone is told it was accepted: its fields encrypted as one JSON value, its files
/// encrypted under App_Data with random names, the workflow event and the patient's confirmation mail in the same
/// transaction. Nothing is kept when any piece fails (files written for it are deleted). Scoped.
/// </summary>
public sealed class SubmissionStore(
    CmsDbContext db,
    CurrentTenant tenant,
    AppPaths paths,
    ContactHasher hasher,
    MailOutbox outbox,
    MailTemplates templates,
    IDataProtectionProvider provider,
    IHttpContextAccessor http,
    IOptions<FormsOptions> options,
    Workflows.Host.WorkflowWake workflows,
    AfterCommit afterCommit,
    TimeProvider clock)
{
    public const string FieldsPurpose = "MedTour.Forms.Submission";
    public const string FilesPurpose = "MedTour.Forms.SubmissionFile";

    /// <summary>True when this phone or e-mail has sent as many submissions as the window allows.</summary>
    public async Task<bool> ContactOverLimitAsync(FormCheck check, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        var since = clock.GetUtcNow().UtcDateTime - options.Value.ContactWindow;
        var limit = options.Value.SubmissionsPerContact;
        foreach (var hash in new[] { PhoneHash(check), EmailHash(check) }.Where(h => h is not null))
        {
            // Counted up to the limit only: a flood from one phone must not make each check longer than the last.
            var count = await db.Submissions.Where(s => (s.PhoneHash == hash || s.EmailHash == hash) && s.CreatedUtc > since).Take(limit).CountAsync(cancellationToken);
            if (count >= limit)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a submission already used this form ticket (a replayed post).</summary>
    public Task<bool> TicketUsedAsync(string nonce, CancellationToken cancellationToken = default) =>
        db.Submissions.AnyAsync(s => s.TicketNonce == nonce, cancellationToken);

    public async Task<string> SaveAsync(FormDefinition form, FormCheck check, string? ticketNonce, string culture, string siteUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(check);
        var settings = tenant.Settings;
        var fieldsProtector = TenantProtectors.For(provider, http, settings, FieldsPurpose);
        var filesProtector = TenantProtectors.For(provider, http, settings, FilesPurpose);
        var folder = Path.Combine(paths.TenantFolder(settings.Name), "Submissions");
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        try
        {
            var files = new List<SubmissionFileRecord>();
            foreach (var (file, kind) in check.Files)
            {
                var stored = Guid.NewGuid().ToString("N");
                var path = Path.Combine(folder, stored);
                written.Add(path);
                await File.WriteAllBytesAsync(path, filesProtector.Protect(file.Bytes), cancellationToken);
                files.Add(new SubmissionFileRecord
                {
                    StoredName = stored,
                    ProtectedName = fieldsProtector.Protect(Path.GetFileName(file.FileName)),
                    Kind = kind,
                    Length = file.Bytes.Length,
                });
            }

            var consent = form.Fields.FirstOrDefault(f => f.Type == "checkbox" && f.Version is not null && check.Values.ContainsKey(f.Name));
            var region = ReferenceCode.RegionOf(settings);
            for (var attempt = 0; ; attempt++)
            {
                var reference = ReferenceCode.New(region);
                try
                {
                    await SaveOnceAsync(form, check, ticketNonce, culture, siteUrl, reference, consent?.Version, fieldsProtector, files, cancellationToken);
                    return reference;
                }
                catch (DbUpdateException)
                {
                    // Two submissions drew the same reference: draw again. Any other conflict (a replayed ticket) is the caller's.
                    if (attempt >= 3 || !await ReferenceTakenAsync(reference, cancellationToken))
                    {
                        throw;
                    }
                }
            }
        }
        catch
        {
            foreach (var path in written)
            {
                File.Delete(path);
            }

            throw;
        }
    }

    private async Task SaveOnceAsync(FormDefinition form, FormCheck check, string? ticketNonce, string culture, string siteUrl, string reference,
        string? privacyVersion, IDataProtector protector, List<SubmissionFileRecord> files, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        // Everything that takes time (encryption, the mail's templates) is done before the transaction: SQLite has one
        // writer at a time, and every other submission waits for this one's commit.
        var now = clock.GetUtcNow().UtcDateTime;
        var submission = new SubmissionRecord
        {
            Reference = reference,
            FormId = form.FormId,
            Culture = culture,
            CreatedUtc = now,
            ModifiedUtc = now,
            ProtectedFields = protector.Protect(JsonSerializer.Serialize(check.Values)),
            PhoneHash = PhoneHash(check),
            EmailHash = EmailHash(check),
            TicketNonce = ticketNonce,
            PrivacyNoticeVersion = privacyVersion,
        };
        db.Submissions.Add(submission);
        if (check.Values.GetValueOrDefault("email") is { Length: > 0 } email)
        {
            var mail = await templates.RenderAsync("ConsultationReceived", culture, new Dictionary<string, object?> { ["Reference"] = reference, ["SiteUrl"] = siteUrl });
            outbox.Add($"submission:{reference}:patient-confirmation", email, mail);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var file in files)
        {
            file.Id = 0;
            file.SubmissionId = submission.Id;
            db.SubmissionFiles.Add(file);
        }

        // The event carries ids only: whoever consumes it reads (and decrypts) the submission itself.
        db.WorkflowEvents.Add(new WorkflowEventRecord
        {
            Name = form.WorkflowEvent,
            CorrelationId = reference,
            // FormName is what a FormSubmittedEvent's filter compares (the form item's id, as the recipes name it).
            Payload = JsonSerializer.Serialize(new { SubmissionId = submission.Id, Reference = reference, FormId = form.FormId, FormName = form.FormId }),
            CreatedUtc = now,
        });
        afterCommit.Register(db, workflows.Notify); // the FormSubmitted event is handled now, not at the next poll
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private Task<bool> ReferenceTakenAsync(string reference, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return db.Submissions.AnyAsync(s => s.Reference == reference, cancellationToken);
    }

    private string? PhoneHash(FormCheck check) => hasher.Hash(tenant.Name, check.Values.GetValueOrDefault("phone"));

    private string? EmailHash(FormCheck check) => hasher.Hash(tenant.Name, check.Values.GetValueOrDefault("email"));
}
