using System.Net;
using MedTour.Cms.Modules.Email;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Consultations;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Tests.Site;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace MedTour.Cms.Tests.UsersAdmin;

/// <summary>An invitation reaches the invited person: the one-time link goes through the site's mail outbox, in the site's language.</summary>
public abstract class InvitationMailTests(SiteFixture site) : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();

    public Task InitializeAsync()
    {
        _smtp.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    [Fact]
    public async Task The_invited_user_receives_the_one_time_link_by_email_in_the_sites_language_and_it_sets_their_password()
    {
        var tenant = "inv" + Guid.NewGuid().ToString("N")[..8];
        var manager = site.Service<TenantManager>();
        manager.Create(new TenantSettings { Name = tenant, DisplayName = "MedTour Україна", RequestUrlPrefix = tenant, Cultures = ["uk", "ru"], Features = ["Contents", "MedTour"] });
        await manager.SetupAsync(tenant);
        await using (var scope = site.TenantScope(tenant))
        {
            await scope.ServiceProvider.GetRequiredService<SmtpSettingsStore>().SaveAsync(
                new SmtpSettings { Host = "127.0.0.1", Port = _smtp.Port, TlsMode = "None", From = "admin@ua.medtour.example", FromName = "MedTour" }, password: null);
        }

        using var admin = await site.SignInAsNewUserAsync(tenant, DefaultRoles.Administrator);
        var name = "invitee" + Guid.NewGuid().ToString("N")[..6];
        var email = name + "@example.com";
        using var invited = await admin.PostFormAsync("/admin/users/invite", [new("userName", name), new("email", email), new("roles", DefaultRoles.Author)], "/admin/users/invite");
        var shown = await OneTimeLinks.ShownOnceAsync(invited, "#one-time-link");

        var mail = await ReceivedAsync(tenant, email);
        Assert.Equal("admin@ua.medtour.example", ((MailboxAddress)mail.From.Single()).Address);
        Assert.Contains("Запрошення", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("MedTour Україна", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(shown, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(shown), mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(name, mail.TextBody, StringComparison.Ordinal);

        // The link from the mail sets the password once, and the new user signs in.
        var link = mail.TextBody!.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("http", StringComparison.Ordinal));
        using (var set = await OneTimeLinks.SetPasswordAsync(site, link, "Mailed-link-password-7"))
        {
            Assert.True((int)set.StatusCode is 302 or 303, $"set-password answered {(int)set.StatusCode}");
        }

        using var again = await OneTimeLinks.SetPasswordAsync(site, link, "Second-use-password-8");
        Assert.False((int)again.StatusCode is 302 or 303);
        using var signedIn = await site.SignInAsync(tenant, name, "Mailed-link-password-7");
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/admin")).StatusCode);
        await site.RemoveTenantAsync(tenant);
    }

    /// <summary>The mail to <paramref name="to"/>, sent by the test or by the host's own background sender, whichever runs first.</summary>
    private async Task<MimeMessage> ReceivedAsync(string tenant, string to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            await site.Service<MailSender>().SendDueAsync(site.Service<TenantRegistry>().Find(tenant)!);
            if (_smtp.Received.FirstOrDefault(m => m.To.Mailboxes.Any(a => a.Address == to)) is { } mail)
            {
                return mail;
            }

            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException($"no mail to {to} arrived");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteInvitationMailTests(SqliteSite site) : InvitationMailTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresInvitationMailTests(PostgresSite site) : InvitationMailTests(site);
