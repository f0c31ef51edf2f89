using MedTour.Cms.Data;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.Email;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace MedTour.Cms.Modules.MailAdmin;

/// <summary>
/// The mail page's handlers: SMTP settings (a bad field is a 400 naming it, nothing saved), a test e-mail written to
/// the outbox like every other mail (so it proves the sender, the settings and the server together), and the retry of
/// a dead letter (back to the queue with its attempts reset).
/// </summary>
internal static class MailEndpoints
{
    public static IResult Show() => Page(null, null, null, StatusCodes.Status200OK);

    public static async Task<IResult> SaveAsync(HttpContext http, AdminRequest admin, SmtpSettingsStore store)
    {
        var posted = SmtpSettingsForm.Read(await http.Request.ReadFormAsync());
        var (settings, errors) = posted.Validate(await store.GetAsync(), admin);
        if (settings is null)
        {
            return Page(posted with { Password = string.Empty }, errors, null, StatusCodes.Status400BadRequest);
        }

        await store.SaveAsync(settings, posted.Password.Length == 0 ? null : posted.Password);
        return AdminResults.RedirectWithFlash(admin, "/admin/mail", settings.Host is null
            ? admin.T("Mail settings saved. Without a host, mail is written to the pickup folder.")
            : admin.T("Mail settings saved. Mail goes to {0}:{1}.", settings.Host, settings.Port));
    }

    public static async Task<IResult> SendTestAsync(HttpContext http, AdminRequest admin, MailOutbox outbox, CmsDbContext db)
    {
        var to = (await http.Request.ReadFormAsync())["to"].ToString().Trim();
        if (!MailboxAddress.TryParse(to, out var address) || !string.IsNullOrEmpty(address.Name) || !address.Address.Contains('@', StringComparison.Ordinal) || to.Length > 254)
        {
            return Page(null, null, new TestMailForm(to, new FormErrors().Add("to", admin.T("Not an e-mail address."))), StatusCodes.Status400BadRequest);
        }

        var subject = admin.T("Test e-mail from {0}", admin.Tenant.Name);
        var text = admin.T("This test e-mail was sent by {0} from the admin of {1}. If it arrived, the site's mail settings work.", admin.UserName, admin.Tenant.Name);
        outbox.Add("admin-test|" + Guid.NewGuid().ToString("N"), to, new RenderedMail(subject, $"<p>{System.Net.WebUtility.HtmlEncode(text)}</p>", text));
        await db.SaveChangesAsync();
        return AdminResults.RedirectWithFlash(admin, "/admin/mail", admin.T("A test e-mail to {0} is in the outbox; the sender delivers it within seconds.", to));
    }

    public static async Task<IResult> RetryDeadLetterAsync(long id, AdminRequest admin, CmsDbContext db, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.MailOutbox.Where(m => m.Id == id && m.DeadUtc != null && m.SentUtc == null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.DeadUtc, (DateTime?)null)
            .SetProperty(m => m.Attempts, 0)
            .SetProperty(m => m.NextAttemptUtc, now)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null));
        return changed == 0
            ? Results.NotFound()
            : AdminResults.RedirectWithFlash(admin, "/admin/mail", admin.T("Mail {0} is back in the outbox.", id));
    }

    private static IResult Page(SmtpSettingsForm? form, FormErrors? errors, TestMailForm? test, int status) =>
        AdminResults.Page<MailPage>(new Dictionary<string, object?> { ["Form"] = form, ["Errors"] = errors, ["Test"] = test }, status);
}

/// <summary>The test e-mail form as posted, with its error.</summary>
public sealed record TestMailForm(string To, FormErrors Errors);
