using System.Net;
using MedTour.Cms.Modules.Email;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace MedTour.Cms.Tests.Consultations;

/// <summary>
/// The patient's confirmation mail through the outbox to a real SMTP server in the test process: as received, through an
/// SMTP outage, and with two senders on one database.
/// </summary>
public abstract class ConsultationMailTests(SiteFixture site) : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();
    private static int _address;

    public async Task InitializeAsync()
    {
        _smtp.Start();
        await using var scope = site.TenantScope("ukraine");
        await scope.ServiceProvider.GetRequiredService<SmtpSettingsStore>().SaveAsync(
            new SmtpSettings { Host = "127.0.0.1", Port = _smtp.Port, TlsMode = "None", From = "consult@ua.medtour.example", FromName = "MedTour Україна" }, password: null);
        // Mail other tests left in the outbox is not this test's.
        await SendAllAsync();
        _smtp.Received.Clear();
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await using var scope = site.TenantScope("ukraine");
        await scope.ServiceProvider.GetRequiredService<SmtpSettingsStore>().SaveAsync(new SmtpSettings(), password: null);
    }

    [Fact]
    public async Task The_patient_receives_a_confirmation_in_Ukrainian_with_the_reference_and_no_medical_details()
    {
        var values = ConsultationForm.ValidUkrainian();
        var reference = await SubmitAsync(values);

        Assert.Equal(1, await SendAllAsync());
        var mail = Assert.Single(_smtp.Received);
        Assert.Equal(values["email"], ((MailboxAddress)mail.To.Single()).Address);
        Assert.Equal("consult@ua.medtour.example", ((MailboxAddress)mail.From.Single()).Address);
        Assert.Contains(reference, mail.Subject, StringComparison.Ordinal);
        Assert.Contains("отримано", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(reference, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(reference, mail.HtmlBody, StringComparison.Ordinal);
        foreach (var secret in new[] { values["name"], values["message"], values["condition"], values["phone"][1..] })
        {
            Assert.DoesNotContain(secret, mail.TextBody + mail.HtmlBody + mail.Subject, StringComparison.Ordinal);
        }

        // Sent once: a second pass finds nothing due.
        Assert.Equal(0, await SendAllAsync());
        Assert.Single(_smtp.Received);
    }

    [Fact]
    public async Task With_SMTP_down_while_20_requests_arrive_every_mail_arrives_exactly_once_when_it_is_back()
    {
        await _smtp.StopAsync();
        var references = await SubmitManyAsync(20);

        Assert.Equal(0, await SendAllAsync());
        var failed = await site.WithDbAsync(db => db.MailOutbox.AsNoTracking().Where(m => m.SentUtc == null && m.Attempts > 0).CountAsync());
        Assert.True(failed >= 20, $"{failed} mails recorded a failed attempt");

        _smtp.Start();
        var delivered = 0;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (delivered < 20 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            delivered += await SendAllAsync();
        }

        Assert.Equal(20, delivered);
        Assert.Equal(0, await SendAllAsync());
        var subjects = _smtp.Received.Select(m => m.Subject).ToList();
        Assert.Equal(20, subjects.Count);
        Assert.All(references, r => Assert.Single(subjects, s => s!.Contains(r, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Two_senders_on_one_database_deliver_each_mail_once()
    {
        await _smtp.StopAsync();
        var references = await SubmitManyAsync(30);

        _smtp.Start();
        // Two senders of their own (as two hosts would have), each with its own connections, racing over the same rows.
        var first = ActivatorUtilities.CreateInstance<MailSender>(site.Factory.Services);
        var second = ActivatorUtilities.CreateInstance<MailSender>(site.Factory.Services);
        var tenant = site.Service<TenantRegistry>().Find("ukraine")!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var delivered = 0;
        while (delivered < 30 && DateTime.UtcNow < deadline)
        {
            var sent = await Task.WhenAll(Task.Run(() => first.SendDueAsync(tenant)), Task.Run(() => second.SendDueAsync(tenant)));
            delivered += sent.Sum();
        }

        Assert.Equal(30, delivered);
        var subjects = _smtp.Received.Select(m => m.Subject).ToList();
        Assert.Equal(30, subjects.Count);
        Assert.All(references, r => Assert.Single(subjects, s => s!.Contains(r, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_tenant_without_SMTP_settings_writes_eml_files_to_its_pickup_folder()
    {
        var folder = Path.Combine(site.Factory.AppData, "Sites", "europe", "Mail");
        var before = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Length : 0;
        using var client = site.ClientFrom(NextAddress());
        var form = await ConsultationForm.OpenAsync(client, "/eu/consultation");
        var values = ConsultationForm.ValidUkrainian();
        values["language"] = "en";
        values["country"] = "DE";
        values["phone_country"] = "DE";
        values["phone"] = "+49 151 " + Random.Shared.Next(10_000_000, 99_999_999);
        using var response = await form.SubmitAsync(client, values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await site.Service<MailSender>().SendDueAsync(site.Service<TenantRegistry>().Find("europe")!);
        var files = Directory.GetFiles(folder, "*.eml");
        Assert.Equal(before + 1, files.Length);
        var mail = await MimeMessage.LoadAsync(files.OrderBy(File.GetCreationTimeUtc).Last());
        Assert.StartsWith("Your MedTour request EU-", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(values["email"], ((MailboxAddress)mail.To.Single()).Address);
        Assert.NotEqual(values["email"], ((MailboxAddress)mail.From.Single()).Address);
    }

    [Fact]
    public async Task A_mail_the_server_refuses_is_kept_as_a_dead_letter_and_the_others_still_go_out()
    {
        var refused = ConsultationForm.ValidUkrainian();
        refused["email"] = $"rejected.{Guid.NewGuid():N}@example.com";
        var refusedReference = await SubmitAsync(refused);
        var fine = await SubmitAsync(ConsultationForm.ValidUkrainian());

        Assert.Equal(1, await SendAllAsync());
        Assert.Contains(fine, Assert.Single(_smtp.Received).Subject, StringComparison.Ordinal);
        var dead = await site.WithDbAsync(db => db.MailOutbox.AsNoTracking().Where(m => m.DeadUtc != null && m.Key.Contains(refusedReference)).ToListAsync());
        var letter = Assert.Single(dead);
        Assert.Null(letter.SentUtc);
        Assert.Equal(1, letter.Attempts);
        Assert.Contains("SmtpCommandException", letter.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("rejected", letter.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await SendAllAsync());
    }

    [Fact]
    public async Task The_SMTP_password_is_kept_encrypted_and_read_back_for_sending()
    {
        await using var scope = site.TenantScope("usa");
        var store = scope.ServiceProvider.GetRequiredService<SmtpSettingsStore>();
        await store.SaveAsync(new SmtpSettings { Host = "smtp.example.com", Port = 465, TlsMode = "SslOnConnect", UserName = "mailer" }, "S3cret-smtp-pass");
        var saved = await store.GetAsync();
        Assert.NotNull(saved.ProtectedPassword);
        Assert.DoesNotContain("S3cret", saved.ProtectedPassword, StringComparison.Ordinal);
        Assert.Equal("S3cret-smtp-pass", store.PasswordOf(saved));
        var stored = await site.WithDbAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.Name == SmtpSettings.DocumentName), "usa");
        Assert.DoesNotContain("S3cret", stored.Content, StringComparison.Ordinal);
        await store.SaveAsync(new SmtpSettings(), password: null);
    }

    private async Task<int> SendAllAsync() =>
        await site.Service<MailSender>().SendDueAsync(site.Service<TenantRegistry>().Find("ukraine")!);

    private async Task<string> SubmitAsync(Dictionary<string, string> values)
    {
        using var client = site.ClientFrom(NextAddress());
        var form = await ConsultationForm.OpenAsync(client);
        using var response = await form.SubmitAsync(client, values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await ConsultationSubmissionTests.ReferenceOfAsync(client, response);
    }

    /// <summary>Many patients, each from an address of their own: all forms opened first, so the minimum time is waited once.</summary>
    private async Task<List<string>> SubmitManyAsync(int count)
    {
        var clients = Enumerable.Range(0, count).Select(_ => site.ClientFrom(NextAddress())).ToList();
        var forms = new List<ConsultationForm>();
        foreach (var client in clients)
        {
            forms.Add(await ConsultationForm.OpenAsync(client));
        }

        var references = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var response = await forms[i].SubmitAsync(clients[i], ConsultationForm.ValidUkrainian());
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            references.Add(await ConsultationSubmissionTests.ReferenceOfAsync(clients[i], response));
            clients[i].Dispose();
        }

        return references;
    }

    private static string NextAddress()
    {
        var n = Interlocked.Increment(ref _address);
        return $"10.3.{n / 250}.{(n % 250) + 1}";
    }
}

[Collection(ConsultationSqliteCollection.Name)]
public sealed class SqliteConsultationMailTests(ConsultationSqliteSite site) : ConsultationMailTests(site);

[Collection(ConsultationPostgresCollection.Name)]
public sealed class PostgresConsultationMailTests(ConsultationPostgresSite site) : ConsultationMailTests(site);
