using System.Net;
using MedTour.Cms.Modules.Email;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.Consultations;

/// <summary>No health data in logs: every line the host logged while a submission (valid and invalid) went through is searched for the submitted values.</summary>
public abstract class ConsultationLogTests(SiteFixture site, CapturedLogs logs)
{
    [Fact]
    public async Task No_submitted_value_appears_in_the_log()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var values = ConsultationForm.ValidUkrainian();
        values["name"] = "Зіновія Лог" + marker;
        values["message"] = "Діагноз секретний " + marker;
        values["condition"] = "Хвороба " + marker;
        var start = logs.Lines.Count;

        using var client = site.ClientFrom("10.5.0.1");
        var form = await ConsultationForm.OpenAsync(client);
        using var accepted = await form.SubmitAsync(client, values, [("diagnosis-" + marker + ".pdf", ConsultationForm.Pdf())]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var reference = await ConsultationSubmissionTests.ReferenceOfAsync(client, accepted);
        var invalid = new Dictionary<string, string>(values) { ["phone"] = "+380" + marker[..3] };
        using var refused = await (await ConsultationForm.OpenAsync(client)).SubmitAsync(client, invalid);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await site.Service<MailSender>().SendDueAsync(site.Service<TenantRegistry>().Find("ukraine")!);

        var lines = logs.Lines.Skip(start).ToList();
        // The log did record the submission (so the search below searched something).
        Assert.Contains(lines, l => l.Contains(reference, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("invalid in fields phone", StringComparison.Ordinal));
        var e164 = "+380" + values["phone"][1..];
        foreach (var secret in new[] { marker, values["email"], values["phone"], e164, values["phone"][1..] })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }
}

[Collection(ConsultationSqliteCollection.Name)]
public sealed class SqliteConsultationLogTests(ConsultationSqliteSite site) : ConsultationLogTests(site, site.Logs);

[Collection(ConsultationPostgresCollection.Name)]
public sealed class PostgresConsultationLogTests(ConsultationPostgresSite site) : ConsultationLogTests(site, site.Logs);
