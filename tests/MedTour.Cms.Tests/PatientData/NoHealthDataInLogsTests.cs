using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using MedTour.Cms.Modules.Email;
using MedTour.Cms.Modules.PatientData;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Consultations;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Web.Cli;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MedTour.Cms.Tests.PatientData;

/// <summary>
/// No health data in logs or traces: the whole chain (form post with a file, the confirmation mail sent, the request
/// found, exported and erased in the admin, exported by the CLI, purged by retention) runs with every category at
/// Trace and every activity recorded, and no line or tag holds a value the patient typed or the file's name.
/// </summary>
public abstract class NoHealthDataInLogsTests(SiteFixture site, CapturedLogs logs)
{
    [Fact]
    public async Task No_submitted_value_appears_in_any_log_line_or_trace_at_Trace_level()
    {
        var traces = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => traces.Enqueue($"{a.Source.Name} {a.OperationName} {a.DisplayName} {string.Join(' ', a.TagObjects.Select(t => $"{t.Key}={t.Value}"))} {string.Join(' ', a.Baggage.Select(b => $"{b.Key}={b.Value}"))}"),
        };
        ActivitySource.AddActivityListener(listener);
        var start = logs.Lines.Count;

        var patient = await Patient.SubmitAsync(site);
        var kept = await Patient.SubmitAsync(site);
        var ukraine = site.Service<TenantRegistry>().Find("ukraine")!;
        await site.Service<MailSender>().SendDueAsync(ukraine);
        using (var admin = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Administrator))
        {
            using var found = await admin.PostFormAsync("/admin/patients/find", [new("email", patient.Email)], "/admin/patients");
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
            using var export = await admin.PostFormAsync("/admin/patients/export", [new("phone", patient.Values["phone"]), new("format", "json")], "/admin/patients");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.Contains(patient.Values["message"], await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var erased = await admin.PostFormAsync("/admin/patients/erase", [new("email", patient.Email), new("confirm", patient.Email)], "/admin/patients");
            Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        }

        await using (var cli = new CliProcess(site))
        {
            var file = Path.Combine(site.Factory.AppData, $"export-{Guid.NewGuid():N}.zip");
            Assert.Equal(0, await PatientCommands.ExportAsync(cli.Services, CommandOptions.Parse(["patient", "export", "--tenant", "ukraine", "--email", kept.Email, "--zip", file]), TextWriter.Null));
        }

        var retention = new RetentionService(site.Service<TenantRegistry>(), site.Service<TenantScopeFactory>(), Options.Create(new PatientDataOptions()),
            new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(181)), site.Service<ILogger<RetentionService>>());
        Assert.True((await retention.PurgeAsync(ukraine)).Submissions >= 1);
        Assert.Null(await site.SubmissionAsync(kept.Reference));

        var lines = logs.Lines.Skip(start).Concat(traces).ToList();
        // The log did record the chain at Trace level (so the search below searched something).
        Assert.Contains(lines, l => l.Contains(patient.Reference, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Trace ", StringComparison.Ordinal) || l.StartsWith("Debug ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal));
        foreach (var secret in patient.Secrets().Concat(kept.Secrets()))
        {
            var leak = lines.FirstOrDefault(l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.True(leak is null, $"'{secret}' appears in: {leak}");
        }
    }
}

[Collection(PatientDataSqliteCollection.Name)]
public sealed class SqliteNoHealthDataInLogsTests(PatientDataSqliteSite site) : NoHealthDataInLogsTests(site, site.Logs);

[Collection(PatientDataPostgresCollection.Name)]
public sealed class PostgresNoHealthDataInLogsTests(PatientDataPostgresSite site) : NoHealthDataInLogsTests(site, site.Logs);
