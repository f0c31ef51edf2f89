using System.Net;
using MedTour.Cms.Data;
using MedTour.Cms.Modules.Email;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Consultations;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace MedTour.Cms.Tests.MailAdmin;

/// <summary>
/// The mail admin of the <c>ukraine</c> site against a real SMTP server in the test process: settings (a bad field is a 400
/// naming it, the password kept encrypted), a test e-mail through the outbox, a dead letter retried, the pickup folder.
/// The background sender is off in these sites; the tests run it.
/// </summary>
public abstract class MailAdminTests(SiteFixture site) : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();

    public async Task InitializeAsync()
    {
        _smtp.Start();
        // Mail other tests left in the outbox is not this test's: send it to the pickup folder first.
        await SaveSettingsAsync(new SmtpSettings());
        await SendAllAsync();
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await SaveSettingsAsync(new SmtpSettings());
    }

    [Theory]
    [InlineData("port", "70000", "The port is a number from 1 to 65535.")]
    [InlineData("host", "bad host name!", "Not a host name or IP address.")]
    [InlineData("tlsMode", "Sometimes", "Choose one of the TLS modes.")]
    [InlineData("from", "not-an-address", "Not an e-mail address.")]
    public async Task Bad_settings_are_a_400_naming_the_field_and_nothing_is_saved(string field, string value, string message)
    {
        using var admin = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Administrator);
        var fields = Settings("smtp.example.org", 2525);
        fields[field] = value;

        using var response = await admin.PostFormAsync("/admin/mail", fields, "/admin/mail");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = AdminSession.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, page.QuerySelector($"#{field}-error")!.TextContent.Trim());
        Assert.Null((await GetSettingsAsync()).Host);
    }

    [Fact]
    public async Task The_password_is_saved_encrypted_kept_when_left_empty_and_never_shown()
    {
        using var admin = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Administrator);
        var fields = Settings("smtp.example.org", 2525);
        fields["userName"] = "mailer";
        fields["password"] = "S3cret-smtp-pass";
        using (var response = await admin.PostFormAsync("/admin/mail", fields, "/admin/mail"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        fields["password"] = string.Empty;
        fields["fromName"] = "Renamed";
        using (var response = await admin.PostFormAsync("/admin/mail", fields, "/admin/mail"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var saved = await GetSettingsAsync();
        Assert.Equal(("smtp.example.org", 2525, "Renamed"), (saved.Host, saved.Port, saved.FromName));
        Assert.NotNull(saved.ProtectedPassword);
        Assert.DoesNotContain("S3cret", saved.ProtectedPassword, StringComparison.Ordinal);
        await using (var scope = site.TenantScope("ukraine"))
        {
            Assert.Equal("S3cret-smtp-pass", scope.ServiceProvider.GetRequiredService<SmtpSettingsStore>().PasswordOf(saved));
        }

        var html = await (await admin.GetAsync("/admin/mail")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("S3cret", html, StringComparison.Ordinal);
        Assert.Contains("A password is saved", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_mail_goes_through_the_outbox_and_arrives_at_the_SMTP_server()
    {
        using var admin = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Administrator);
        using (var response = await admin.PostFormAsync("/admin/mail", Settings("127.0.0.1", _smtp.Port), "/admin/mail"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        using (var bad = await admin.PostFormAsync("/admin/mail/test", [new("to", "nobody")], "/admin/mail"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("Not an e-mail address.", AdminSession.Parse(await bad.Content.ReadAsStringAsync()).QuerySelector("#to-error")!.TextContent.Trim());
        }

        using (var response = await admin.PostFormAsync("/admin/mail/test", [new("to", "tester@example.org")], "/admin/mail"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal(1, await SendAllAsync());
        var mail = Assert.Single(_smtp.Received);
        Assert.Equal("tester@example.org", ((MailboxAddress)mail.To.Single()).Address);
        Assert.Equal("admin@ua.medtour.example", ((MailboxAddress)mail.From.Single()).Address);
        Assert.Equal("Test e-mail from ukraine", mail.Subject);
    }

    [Fact]
    public async Task A_dead_letter_is_listed_and_retried_by_an_administrator()
    {
        await SaveSettingsAsync(new SmtpSettings { Host = "127.0.0.1", Port = _smtp.Port, TlsMode = "None" });
        long id;
        await using (var scope = site.TenantScope("ukraine"))
        {
            scope.ServiceProvider.GetRequiredService<MailOutbox>().Add("dead-letter-test|" + Guid.NewGuid(), "late@example.org", new RenderedMail("Dead letter subject", "<p>x</p>", "x"));
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            await db.SaveChangesAsync();
            id = await db.MailOutbox.MaxAsync(m => m.Id);
            // As the sender leaves a mail after its last attempt.
            await db.MailOutbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.DeadUtc, DateTime.UtcNow).SetProperty(m => m.Attempts, 12).SetProperty(m => m.LastError, "SocketException"));
        }

        Assert.Equal(0, await SendAllAsync());
        using var admin = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Administrator);
        var row = (await admin.PageAsync("/admin/mail")).QuerySelector($"tr[data-dead-letter='{id}']")!;
        Assert.Contains("Dead letter subject", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("SocketException", row.TextContent, StringComparison.Ordinal);

        using (var response = await admin.PostFormAsync($"/admin/mail/dead-letters/{id}/retry", [], "/admin/mail"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal(1, await SendAllAsync());
        Assert.Equal("late@example.org", ((MailboxAddress)Assert.Single(_smtp.Received).To.Single()).Address);
        // Sent: no longer a dead letter, and retrying it again is a 404.
        Assert.Null((await admin.PageAsync("/admin/mail")).QuerySelector($"tr[data-dead-letter='{id}']"));
        using var again = await admin.PostFormAsync($"/admin/mail/dead-letters/{id}/retry", [], "/admin/mail");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Without_an_SMTP_host_the_test_mail_is_in_the_pickup_folder_page()
    {
        using var admin = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Administrator);
        var to = $"pickup-{Guid.NewGuid():N}@example.org";
        using (var response = await admin.PostFormAsync("/admin/mail/test", [new("to", to)], "/admin/mail"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal(1, await SendAllAsync());
        Assert.Empty(_smtp.Received);
        var row = (await admin.PageAsync("/admin/mail/pickup")).QuerySelectorAll("tr[data-pickup]").Single(r => r.TextContent.Contains(to, StringComparison.Ordinal));
        Assert.Contains("Test e-mail from ukraine", row.TextContent, StringComparison.Ordinal);

        using var file = await admin.GetAsync("/admin/mail/pickup/" + row.GetAttribute("data-pickup"));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        var message = await MimeMessage.LoadAsync(await file.Content.ReadAsStreamAsync());
        Assert.Equal(to, ((MailboxAddress)message.To.Single()).Address);
        using var escape = await admin.GetAsync("/admin/mail/pickup/..%2F..%2Ftenants.json");
        Assert.Equal(HttpStatusCode.NotFound, escape.StatusCode);
    }

    private static Dictionary<string, string> Settings(string host, int port) => new()
    {
        ["host"] = host,
        ["port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["tlsMode"] = "None",
        ["userName"] = string.Empty,
        ["password"] = string.Empty,
        ["from"] = "admin@ua.medtour.example",
        ["fromName"] = "MedTour",
    };

    private async Task<int> SendAllAsync() =>
        await site.Service<MailSender>().SendDueAsync(site.Service<TenantRegistry>().Find("ukraine")!);

    private async Task<SmtpSettings> GetSettingsAsync()
    {
        await using var scope = site.TenantScope("ukraine");
        return await scope.ServiceProvider.GetRequiredService<SmtpSettingsStore>().GetAsync();
    }

    private async Task SaveSettingsAsync(SmtpSettings settings)
    {
        await using var scope = site.TenantScope("ukraine");
        await scope.ServiceProvider.GetRequiredService<SmtpSettingsStore>().SaveAsync(settings, password: null);
    }
}

[Collection(ConsultationSqliteCollection.Name)]
public sealed class SqliteMailAdminTests(ConsultationSqliteSite site) : MailAdminTests(site);

[Collection(ConsultationPostgresCollection.Name)]
public sealed class PostgresMailAdminTests(ConsultationPostgresSite site) : MailAdminTests(site);
