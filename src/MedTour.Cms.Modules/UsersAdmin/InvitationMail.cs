using MedTour.Cms.Data;
using MedTour.Cms.Modules.Email;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace MedTour.Cms.Modules.UsersAdmin;

/// <summary>
/// The invitation e-mail: the one-time link to set a password, put in the site's mail outbox (the background sender
/// delivers it over the site's SMTP settings, or as an <c>.eml</c> file without them), in the site's first language
/// (en, uk or ru templates; English otherwise). The body is stored encrypted like every outbox mail. Scoped.
/// </summary>
public sealed class InvitationMail(MailTemplates templates, MailOutbox outbox, CmsDbContext db, CurrentTenant tenant)
{
    public async Task QueueAsync(IdentityUser user, string link, int hours, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrEmpty(user.Email);
        var mail = await templates.RenderAsync("UserInvitation", tenant.Settings.DefaultCulture, new Dictionary<string, object?>
        {
            ["UserName"] = user.UserName,
            ["SiteName"] = tenant.Settings.DisplayName ?? tenant.Settings.Name,
            ["Link"] = link,
            ["Hours"] = hours,
        });
        outbox.Add($"user-invitation:{user.Id}", user.Email, mail);
        await db.SaveChangesAsync(cancellationToken);
    }
}
