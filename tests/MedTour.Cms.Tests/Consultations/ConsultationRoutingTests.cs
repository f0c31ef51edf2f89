using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Modules.Consultations;
using MedTour.Cms.Modules.Consultations.Routing;
using MedTour.Cms.Modules.Email;
using MedTour.Cms.Modules.Workflows.Host;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace MedTour.Cms.Tests.Consultations;

/// <summary>
/// The regional recipes' <c>consultation-routing</c> workflow from the POST to the coordinator's mail at a real SMTP
/// server: the ladder's choice, the take link and no medical details; an SMTP outage; the SLA alert and the reassignment.
/// The workflow host and the mail sender are driven by the test (both are off in these sites).
/// </summary>
public abstract class ConsultationRoutingTests(SiteFixture site) : IAsyncLifetime
{
    private const string Dmytro = "ua-coordinator-dmytro";
    private const string Lead = "lead@ua.medtour.example";
    private readonly TestSmtpServer _smtp = new();
    private static int _address;

    public async Task InitializeAsync()
    {
        _smtp.Start();
        await using var scope = site.TenantScope("ukraine");
        await scope.ServiceProvider.GetRequiredService<SmtpSettingsStore>().SaveAsync(
            new SmtpSettings { Host = "127.0.0.1", Port = _smtp.Port, TlsMode = "None", From = "consult@ua.medtour.example" }, password: null);
        // Requests and mails other tests left are not this test's.
        await RunWorkflowsAsync();
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
    public async Task The_coordinator_the_ladder_chose_receives_one_mail_with_the_take_link_and_no_medical_details()
    {
        // A patient in Poland writing in English about liver metastases: the condition term names oncology, hepatology and
        // interventional radiology (ADR 0034), and only Dmytro of those specialties speaks English ("specialty+language").
        var values = PolishPatient();
        var reference = await SubmitAsync(values);
        await RunWorkflowsAsync();
        await SendAllAsync();

        var mail = Assert.Single(MailsTo("dmytro.coordinator@ua.medtour.example"));
        Assert.Contains(reference, mail.Subject, StringComparison.Ordinal);
        var take = TakeLink(mail);
        // The region's own host name (the tenant's first) starts every link.
        Assert.StartsWith("https://ua.medtour.example/admin/inbox/take?t=", take, StringComparison.Ordinal);
        Assert.Contains("https://ua.medtour.example/admin/inbox/" + reference, mail.TextBody, StringComparison.Ordinal);
        Assert.Equal((reference, Dmytro), ReadTakeLink(take));
        foreach (var secret in new[] { values["name"], values["message"], values["condition"], values["phone"][3..], values["email"] })
        {
            Assert.DoesNotContain(secret, mail.TextBody + mail.HtmlBody + mail.Subject, StringComparison.Ordinal);
        }

        var submission = (await site.SubmissionAsync(reference))!;
        Assert.Equal(Dmytro, submission.CoordinatorId);
        var history = await HistoryAsync(submission);
        var assigned = Assert.Single(history);
        Assert.Equal(("assigned", Dmytro, "specialty+language", "routing"), (assigned.Kind, assigned.CoordinatorId, assigned.Rule, assigned.Actor));

        // The workflow waits on its SLA timer; running the host again sends nothing more.
        await RunWorkflowsAsync();
        Assert.Equal(0, await SendAllAsync());
    }

    [Fact]
    public async Task A_request_for_treatment_in_Germany_goes_to_the_coordinator_of_that_destination_and_the_condition()
    {
        // Liver metastases, treatment in Germany, in Ukrainian: of the recipe's coordinators only Olena arranges treatment
        // in Germany and has the condition's specialties (Mariia has Germany, not the specialties).
        var reference = await SubmitAsync(ConsultationForm.ValidUkrainian());
        await RunWorkflowsAsync();

        var submission = (await site.SubmissionAsync(reference))!;
        var assigned = Assert.Single(await HistoryAsync(submission));
        Assert.Equal(("ua-coordinator-olena", "destination+specialty+language"), (assigned.CoordinatorId, assigned.Rule));
    }

    [Fact]
    public async Task The_Russian_form_of_the_Ukrainian_site_is_in_Russian_and_its_requests_are_routed_too()
    {
        using (var client = site.ClientFrom(NextAddress()))
        {
            var form = await ConsultationForm.OpenAsync(client, "/ua/ru/consultation");
            Assert.Equal("Бесплатная консультация", form.Page.QuerySelector("main h1")!.TextContent.Trim());
            Assert.Equal("ru", form.Page.DocumentElement.GetAttribute("lang"));
            Assert.Contains("Полное имя", form.Page.QuerySelector("label[for='field-name']")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Украина (+380)", form.Page.QuerySelector("#field-phone_country")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("Повне ім’я", form.Page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        }

        var reference = await SubmitAsync(ConsultationForm.ValidUkrainian(), "/ua/ru/consultation");
        await RunWorkflowsAsync();

        var submission = (await site.SubmissionAsync(reference))!;
        Assert.Equal(("form-consultation-ru", "ru"), (submission.FormId, submission.Culture));
        Assert.Equal("assigned", Assert.Single(await HistoryAsync(submission)).Kind);
    }

    [Fact]
    public async Task A_returning_patient_goes_to_the_coordinator_they_had()
    {
        var first = PolishPatient();
        var firstReference = await SubmitAsync(first);
        await RunWorkflowsAsync();

        // The same phone with another e-mail, now from Ukraine in Ukrainian (a pool Dmytro shares with two others).
        var again = ConsultationForm.ValidUkrainian();
        again["phone"] = first["phone"];
        var secondReference = await SubmitAsync(again);
        await RunWorkflowsAsync();

        var second = (await site.SubmissionAsync(secondReference))!;
        Assert.Equal(Dmytro, second.CoordinatorId);
        Assert.Equal(ConsultationRouter.ReturningPatientRule, Assert.Single(await HistoryAsync(second)).Rule);
        Assert.NotEqual(firstReference, secondReference);
    }

    [Fact]
    public async Task With_SMTP_down_while_100_requests_arrive_every_coordinator_mail_arrives_exactly_once_when_it_is_back()
    {
        await _smtp.StopAsync();
        var references = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => SubmitByApiAsync(ConsultationForm.ValidUkrainian())));
        await RunWorkflowsAsync();
        Assert.Equal(0, await SendAllAsync());
        // One pass tries each mail once, however long it takes: the back-off, not the pass, decides when it is tried again.
        var attempts = await site.WithDbAsync(db => db.MailOutbox.AsNoTracking().Where(m => m.SentUtc == null).Select(m => new { m.Subject, m.Attempts, m.DeadUtc }).ToListAsync());
        var ours = attempts.Where(m => references.Any(r => m.Subject.Contains(r, StringComparison.Ordinal))).ToList();
        Assert.True(ours.Count >= 100, $"{ours.Count} mails of the 100 requests wait in the outbox");
        Assert.All(ours, m => Assert.Equal((1, (DateTime?)null), (m.Attempts, m.DeadUtc)));

        _smtp.Start();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var delivered = 0;
        while (delivered < 200 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            delivered += await SendAllAsync();
        }

        Assert.Equal(0, await SendAllAsync());
        var coordinatorMails = _smtp.Received.Where(m => ((MailboxAddress)m.To.Single()).Address.EndsWith("coordinator@ua.medtour.example", StringComparison.Ordinal)).ToList();
        Assert.Equal(100, coordinatorMails.Count);
        Assert.All(references, r => Assert.Single(coordinatorMails, m => m.Subject!.Contains(r, StringComparison.Ordinal)));
        // Every mail went to the coordinator its request is assigned to.
        var assigned = await site.WithDbAsync(db => db.Submissions.AsNoTracking().Where(s => references.Contains(s.Reference)).ToDictionaryAsync(s => s.Reference, s => s.CoordinatorId));
        Assert.All(coordinatorMails, m => Assert.StartsWith(
            assigned[references.Single(r => m.Subject!.Contains(r, StringComparison.Ordinal))]!["ua-coordinator-".Length..] + ".",
            ((MailboxAddress)m.To.Single()).Address, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_not_taken_within_the_SLA_alerts_the_regional_lead_then_goes_to_another_coordinator()
    {
        var previous = await RoutingAsync(s => s);
        // Working hours all week long and an SLA of about a second: the deadlines come while the test waits.
        await RoutingAsync(s => s with
        {
            SlaHours = 1.0 / 3600, ReassignAfterHours = 1.0 / 3600, Opens = TimeOnly.MinValue, Closes = TimeOnly.MaxValue,
            Days = Enum.GetValues<DayOfWeek>(), RegionalLeadEmail = Lead,
        });
        try
        {
            var taken = await SubmitAsync(PolishPatient());
            var reference = await SubmitAsync(PolishPatient());
            await RunWorkflowsAsync();
            await TakeAsync(taken);

            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await RunWorkflowsAsync(); // the SLA: alert the lead
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await RunWorkflowsAsync(); // the second deadline: reassign
            await SendAllAsync();

            var alert = Assert.Single(MailsTo(Lead));
            Assert.Contains(reference, alert.Subject, StringComparison.Ordinal);
            Assert.DoesNotContain(MailsTo(Lead), m => m.Subject!.Contains(taken, StringComparison.Ordinal));

            var submission = (await site.SubmissionAsync(reference))!;
            Assert.NotNull(submission.CoordinatorId);
            Assert.NotEqual(Dmytro, submission.CoordinatorId);
            var history = await HistoryAsync(submission);
            Assert.Equal(["assigned", "alert", "reassigned"], history.Select(h => h.Kind));
            Assert.Equal((Dmytro, "specialty+language"), (history[0].CoordinatorId, history[0].Rule));
            // Without Dmytro nobody of the specialties speaks English: Olena has them ("specialty").
            Assert.Equal(("ua-coordinator-olena", "specialty"), (history[2].CoordinatorId, history[2].Rule));

            var newCoordinator = submission.CoordinatorId!["ua-coordinator-".Length..] + ".coordinator@ua.medtour.example";
            var handedOver = Assert.Single(MailsTo(newCoordinator), m => m.Subject!.Contains(reference, StringComparison.Ordinal));
            Assert.Equal((reference, submission.CoordinatorId), ReadTakeLink(TakeLink(handedOver)));
            Assert.Single(MailsTo("dmytro.coordinator@ua.medtour.example"), m => m.Subject!.Contains(reference, StringComparison.Ordinal));

            // The request that was taken stays with Dmytro, with no alert.
            Assert.Equal(["assigned"], (await HistoryAsync((await site.SubmissionAsync(taken))!)).Select(h => h.Kind));
        }
        finally
        {
            await RoutingAsync(_ => previous);
        }
    }

    private static Dictionary<string, string> PolishPatient()
    {
        var values = ConsultationForm.ValidUkrainian();
        values["country"] = "PL";
        values["language"] = "en";
        values.Remove("destination");
        return values;
    }

    private async Task TakeAsync(string reference) =>
        await site.WithDbAsync(db => db.Submissions.Where(s => s.Reference == reference)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.AcknowledgedUtc, DateTime.UtcNow)));

    private async Task<RoutingSettings> RoutingAsync(Func<RoutingSettings, RoutingSettings> change)
    {
        await using var scope = site.TenantScope("ukraine");
        var store = scope.ServiceProvider.GetRequiredService<RoutingSettingsStore>();
        var current = await store.GetAsync();
        var next = change(current);
        if (!ReferenceEquals(next, current))
        {
            await store.SaveAsync(next);
        }

        return current;
    }

    private IEnumerable<MimeMessage> MailsTo(string address) =>
        _smtp.Received.Where(m => string.Equals(((MailboxAddress)m.To.Single()).Address, address, StringComparison.OrdinalIgnoreCase));

    private static string TakeLink(MimeMessage mail) =>
        (mail.TextBody ?? string.Empty).Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/admin/inbox/take?t=", StringComparison.Ordinal)).Split(' ').Last();

    private (string, string)? ReadTakeLink(string link)
    {
        using var scope = site.TenantScope("ukraine");
        var token = Uri.UnescapeDataString(link[(link.IndexOf("?t=", StringComparison.Ordinal) + 3)..]);
        return scope.ServiceProvider.GetRequiredService<TakeLinks>().Read(token);
    }

    private Task<List<SubmissionHistoryRecord>> HistoryAsync(SubmissionRecord submission) =>
        site.WithDbAsync(db => db.SubmissionHistory.AsNoTracking().Where(h => h.SubmissionId == submission.Id).OrderBy(h => h.Id).ToListAsync());

    private async Task RunWorkflowsAsync() =>
        await site.Service<WorkflowHost>().RunOnceAsync(site.Service<TenantRegistry>().Find("ukraine")!);

    private async Task<int> SendAllAsync() =>
        await site.Service<MailSender>().SendDueAsync(site.Service<TenantRegistry>().Find("ukraine")!);

    private async Task<string> SubmitAsync(Dictionary<string, string> values, string page = "/ua/consultation")
    {
        using var client = site.ClientFrom(NextAddress());
        var form = await ConsultationForm.OpenAsync(client, page);
        using var response = await form.SubmitAsync(client, values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await ConsultationSubmissionTests.ReferenceOfAsync(client, response);
    }

    private async Task<string> SubmitByApiAsync(Dictionary<string, string> values)
    {
        using var client = site.ClientFrom(NextAddress());
        using var response = await client.PostAsJsonAsync("/ua/api/forms/form-consultation/submissions", values);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
    }

    private static string NextAddress()
    {
        var n = Interlocked.Increment(ref _address);
        return $"10.8.{n / 250}.{(n % 250) + 1}";
    }
}

[Collection(ConsultationSqliteCollection.Name)]
public sealed class SqliteConsultationRoutingTests(ConsultationSqliteSite site) : ConsultationRoutingTests(site);

[Collection(ConsultationPostgresCollection.Name)]
public sealed class PostgresConsultationRoutingTests(ConsultationPostgresSite site) : ConsultationRoutingTests(site);
