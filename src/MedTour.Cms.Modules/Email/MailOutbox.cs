using MedTour.Cms.Data;
using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Security;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.Email;

/// <summary>
/// Puts a mail in the tenant's outbox on the caller's <see cref="CmsDbContext"/>: it is saved (and later sent) only if
/// the caller's transaction commits. The key names the cause and the recipient; the unique index makes a second mail
/// for the same key fail the caller's save rather than mail twice. When that transaction commits, this process's
/// <see cref="MailSender"/> is woken (<see cref="MailWake"/>). Scoped.
/// </summary>
public sealed class MailOutbox(CmsDbContext db, CurrentTenant tenant, IDataProtectionProvider provider, IHttpContextAccessor http, TimeProvider clock,
    AfterCommit afterCommit, MailWake wake)
{
    public const string Purpose = "MedTour.Email.Outbox";

    /// <summary>The stored key of a mail for <paramref name="key"/> to <paramref name="to"/>: the recipient appears only as a hash prefix, enough to tell recipients of one cause apart.</summary>
    public static string KeyFor(string key, string to) =>
        key + "|" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(to.ToLowerInvariant())))[..16];

    public void Add(string key, string to, RenderedMail mail)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(to);
        ArgumentNullException.ThrowIfNull(mail);
        var protector = TenantProtectors.For(provider, http, tenant.Settings, Purpose);
        var now = clock.GetUtcNow().UtcDateTime;
        db.MailOutbox.Add(new MailMessageRecord
        {
            Key = KeyFor(key, to),
            ProtectedTo = protector.Protect(to),
            Subject = mail.Subject,
            ProtectedHtml = protector.Protect(mail.Html),
            ProtectedText = protector.Protect(mail.Text),
            CreatedUtc = now,
            NextAttemptUtc = now,
        });
        afterCommit.Register(db, wake.Notify);
    }
}
