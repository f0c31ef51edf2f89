using System.IO.Compression;
using System.Net;
using System.Text.Json;
using MedTour.Cms.Modules.PatientData;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Consultations;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Tests.PatientData;

/// <summary>One patient's data, found by e-mail or phone: exported decrypted (CLI and admin) and erased (files on disk, history, mails), audited without personal data.</summary>
public abstract class PatientExportEraseTests(SiteFixture site)
{
    [Fact]
    public async Task The_CLI_exports_a_patient_s_requests_by_e_mail_as_a_zip_with_the_decrypted_fields_and_files()
    {
        var email = $"export.{Guid.NewGuid():N}@example.com";
        var first = await Patient.SubmitAsync(site, email);
        var second = await Patient.SubmitAsync(site, email.ToUpperInvariant());
        var other = await Patient.SubmitAsync(site);
        var zipFile = Path.Combine(site.Factory.AppData, $"export-{Guid.NewGuid():N}.zip");

        await using (var cli = new CliProcess(site))
        {
            var output = new StringWriter();
            Assert.Equal(0, await PatientCommands.ExportAsync(cli.Services, CommandOptions.Parse(["patient", "export", "--tenant", "ukraine", "--email", email, "--zip", zipFile]), output));
            Assert.Contains("Exported 2 request(s)", output.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(email, output.ToString(), StringComparison.Ordinal);
        }

        using var zip = ZipFile.OpenRead(zipFile);
        using var json = JsonDocument.Parse(zip.GetEntry("export.json")!.Open());
        var submissions = json.RootElement.GetProperty("submissions").EnumerateArray().ToList();
        Assert.Equal([first.Reference, second.Reference], submissions.Select(s => s.GetProperty("reference").GetString()));
        Assert.Equal(first.Values["message"], submissions[0].GetProperty("fields").GetProperty("message").GetString());
        Assert.Equal(first.Values["condition"], submissions[0].GetProperty("fields").GetProperty("condition").GetString());
        var file = submissions[0].GetProperty("files")[0];
        Assert.Equal(first.FileName, file.GetProperty("name").GetString());
        using var bytes = new MemoryStream();
        await zip.GetEntry(file.GetProperty("zipPath").GetString()!)!.Open().CopyToAsync(bytes);
        Assert.Equal(first.File, bytes.ToArray());
        Assert.DoesNotContain(other.Reference, json.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CLI_finds_a_patient_by_the_phone_in_national_form_and_exports_JSON_with_the_files_inline()
    {
        var patient = await Patient.SubmitAsync(site);
        var jsonFile = Path.Combine(site.Factory.AppData, $"export-{Guid.NewGuid():N}.json");
        await using (var cli = new CliProcess(site))
        {
            // "067…" with the site's country (Ukraine), as the form read it: the same E.164 number, the same hash.
            Assert.Equal(0, await PatientCommands.ExportAsync(cli.Services, CommandOptions.Parse(["patient", "export", "--tenant", "ukraine", "--phone", patient.Values["phone"], "--out", jsonFile]), TextWriter.Null));
            await Assert.ThrowsAsync<ArgumentException>(() => PatientCommands.ExportAsync(cli.Services, CommandOptions.Parse(["patient", "export", "--tenant", "ukraine", "--phone", "12"]), TextWriter.Null));
            await Assert.ThrowsAsync<ArgumentException>(() => PatientCommands.ExportAsync(cli.Services, CommandOptions.Parse(["patient", "export", "--tenant", "ukraine"]), TextWriter.Null));
        }

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(jsonFile));
        var submission = Assert.Single(json.RootElement.GetProperty("submissions").EnumerateArray());
        Assert.Equal(patient.Reference, submission.GetProperty("reference").GetString());
        Assert.Equal(patient.E164, submission.GetProperty("fields").GetProperty("phone").GetString());
        Assert.Equal(patient.File, submission.GetProperty("files")[0].GetProperty("content").GetBytesFromBase64());
    }

    [Fact]
    public async Task The_CLI_erases_a_patient_s_requests_files_history_and_mails_and_audits_counts_only()
    {
        var patient = await Patient.SubmitAsync(site);
        var other = await Patient.SubmitAsync(site);
        var stored = (await site.SubmissionAsync(patient.Reference))!;
        await site.WithDbAsync(async db =>
        {
            db.SubmissionHistory.Add(new MedTour.Cms.Data.Consultations.SubmissionHistoryRecord { SubmissionId = stored.Id, Kind = "status", AtUtc = DateTime.UtcNow, Actor = "test", Value = "contacted" });
            return await db.SaveChangesAsync();
        });
        var fileOnDisk = Path.Combine(site.Factory.AppData, "Sites", "ukraine", "Submissions",
            await site.WithDbAsync(db => db.SubmissionFiles.Where(f => f.SubmissionId == stored.Id).Select(f => f.StoredName).SingleAsync()));
        Assert.True(File.Exists(fileOnDisk));

        await using (var cli = new CliProcess(site))
        {
            var args = new[] { "patient", "erase", "--tenant", "ukraine", "--email", patient.Email };
            await Assert.ThrowsAsync<ArgumentException>(() => PatientCommands.EraseAsync(cli.Services, CommandOptions.Parse(args), TextWriter.Null));
            Assert.NotNull(await site.SubmissionAsync(patient.Reference));
            var output = new StringWriter();
            Assert.Equal(0, await PatientCommands.EraseAsync(cli.Services, CommandOptions.Parse([.. args, "--force"]), output));
            Assert.Contains("1 request(s), 1 file(s), 1 history row(s), 1 mail(s)", output.ToString(), StringComparison.Ordinal);
        }

        Assert.Null(await site.SubmissionAsync(patient.Reference));
        Assert.False(File.Exists(fileOnDisk), "the erased file is still on disk");
        Assert.Equal(0, await site.WithDbAsync(db => db.SubmissionFiles.CountAsync(f => f.SubmissionId == stored.Id)));
        Assert.Equal(0, await site.WithDbAsync(db => db.SubmissionHistory.CountAsync(h => h.SubmissionId == stored.Id)));
        Assert.Equal(0, await site.WithDbAsync(db => db.MailOutbox.CountAsync(m => m.Key.StartsWith("submission:" + patient.Reference))));
        Assert.NotNull(await site.SubmissionAsync(other.Reference));
        var audit = await site.WithDbAsync(db => db.AuditTrailEvents.AsNoTracking().Where(e => e.EventName == PatientDataAudit.Erased).OrderBy(e => e.Id).LastAsync());
        Assert.Equal("cli", audit.UserName);
        RetentionTests.AssertNoPersonalData(audit, patient);
    }

    [Fact]
    public async Task In_the_admin_an_administrator_finds_downloads_and_erases_a_patient_s_data_after_typing_the_contact_again()
    {
        var patient = await Patient.SubmitAsync(site);
        using var admin = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Administrator);

        using (var none = await admin.PostFormAsync("/admin/patients/find", [], "/admin/patients"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
            Assert.NotNull(AdminSession.Parse(await none.Content.ReadAsStringAsync()).QuerySelector("#email-error"));
        }

        using (var badPhone = await admin.PostFormAsync("/admin/patients/find", [new("phone", "+380 12")], "/admin/patients"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badPhone.StatusCode);
            Assert.NotNull(AdminSession.Parse(await badPhone.Content.ReadAsStringAsync()).QuerySelector("#phone-error"));
        }

        using (var found = await admin.PostFormAsync("/admin/patients/find", [new("phone", patient.E164)], "/admin/patients"))
        {
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
            var page = AdminSession.Parse(await found.Content.ReadAsStringAsync());
            Assert.NotNull(page.QuerySelector($"tr[data-reference='{patient.Reference}']"));
            Assert.DoesNotContain(patient.Values["message"], page.Body!.TextContent, StringComparison.Ordinal);
        }

        using (var download = await admin.PostFormAsync("/admin/patients/export", [new("email", patient.Email), new("format", "zip")], "/admin/patients"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/zip", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
            using var zip = new ZipArchive(await download.Content.ReadAsStreamAsync());
            using var json = JsonDocument.Parse(zip.GetEntry("export.json")!.Open());
            Assert.Equal(patient.Values["name"], json.RootElement.GetProperty("submissions")[0].GetProperty("fields").GetProperty("name").GetString());
        }

        using (var wrong = await admin.PostFormAsync("/admin/patients/erase", [new("email", patient.Email), new("confirm", "someone.else@example.com")], "/admin/patients"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.NotNull(AdminSession.Parse(await wrong.Content.ReadAsStringAsync()).QuerySelector("#confirm-error"));
        }

        Assert.NotNull(await site.SubmissionAsync(patient.Reference));
        using (var erased = await admin.PostFormAsync("/admin/patients/erase", [new("email", patient.Email), new("confirm", patient.Email.ToUpperInvariant())], "/admin/patients"))
        {
            Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        }

        Assert.Null(await site.SubmissionAsync(patient.Reference));
        var audit = await site.WithDbAsync(db => db.AuditTrailEvents.AsNoTracking().Where(e => e.EventName == PatientDataAudit.Erased).OrderBy(e => e.Id).LastAsync());
        Assert.Equal(admin.UserName, audit.UserName);
        RetentionTests.AssertNoPersonalData(audit, patient);

        // The audit trail shows the erasure as counts, linking to no item.
        var trail = await admin.PageAsync("/admin/audit-trail");
        var row = trail.QuerySelector("tr[data-event='patient-data-erased']");
        Assert.NotNull(row);
        Assert.Contains("1 request(s)", row.TextContent, StringComparison.Ordinal);
        Assert.Null(row.QuerySelector("a"));
        Assert.DoesNotContain(patient.Email, trail.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_cannot_open_the_patient_data_page()
    {
        using var coordinator = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Coordinator);
        using var response = await coordinator.GetAsync("/admin/patients");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

[Collection(PatientDataSqliteCollection.Name)]
public sealed class SqlitePatientExportEraseTests(PatientDataSqliteSite site) : PatientExportEraseTests(site);

[Collection(PatientDataPostgresCollection.Name)]
public sealed class PostgresPatientExportEraseTests(PatientDataPostgresSite site) : PatientExportEraseTests(site);
