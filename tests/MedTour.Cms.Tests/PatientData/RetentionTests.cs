using System.Net;
using MedTour.Cms.Data;
using MedTour.Cms.Modules.PatientData;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Consultations;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MedTour.Cms.Tests.PatientData;

/// <summary>Retention: unconverted requests and their files are purged once older than the site's period, by the background service, in batches, audited with counts only.</summary>
public abstract class RetentionTests(SiteFixture site)
{
    [Fact]
    public async Task An_unconverted_request_is_kept_until_its_period_ends_then_purged_with_its_files_while_a_converted_one_stays()
    {
        var expiring = await Patient.SubmitAsync(site);
        var converted = await Patient.SubmitAsync(site);
        await site.WithDbAsync(db => db.Submissions.Where(s => s.Reference == converted.Reference)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConvertedUtc, DateTime.UtcNow)));
        var stored = (await site.SubmissionAsync(expiring.Reference))!;
        var files = await FilesOnDiskAsync(stored.Id);
        Assert.Single(files);
        Assert.True(File.Exists(files[0]));
        var clock = new FakeTimeProvider(stored.CreatedUtc);
        var service = Service(clock, batchSize: 2);

        clock.Advance(TimeSpan.FromDays(179));
        await service.PurgeAsync(Ukraine);
        Assert.NotNull(await site.SubmissionAsync(expiring.Reference));

        clock.Advance(TimeSpan.FromDays(2));
        var counts = await service.PurgeAsync(Ukraine);

        Assert.True(counts.Submissions >= 1 && counts.Files >= 1, counts.ToString());
        Assert.Null(await site.SubmissionAsync(expiring.Reference));
        Assert.False(File.Exists(files[0]), "the purged request's file is still on disk");
        Assert.Equal(0, await site.WithDbAsync(db => db.SubmissionFiles.CountAsync(f => f.SubmissionId == stored.Id)));
        Assert.Equal(0, await site.WithDbAsync(db => db.MailOutbox.CountAsync(m => m.Key.StartsWith("submission:" + expiring.Reference))));
        Assert.Equal(0, await site.WithDbAsync(db => db.WorkflowEvents.CountAsync(e => e.CorrelationId == expiring.Reference)));
        Assert.NotNull(await site.SubmissionAsync(converted.Reference));

        var audit = await site.WithDbAsync(db => db.AuditTrailEvents.AsNoTracking().Where(e => e.EventName == PatientDataAudit.Purged).OrderBy(e => e.Id).LastAsync());
        Assert.Contains($"{counts.Submissions} request(s)", audit.DisplayText, StringComparison.Ordinal);
        Assert.Equal("retention", audit.UserName);
        AssertNoPersonalData(audit, expiring);
    }

    [Fact]
    public async Task A_backlog_larger_than_a_batch_is_purged_entirely_in_one_pass()
    {
        var patients = new List<Patient>();
        for (var i = 0; i < 5; i++)
        {
            patients.Add(await Patient.SubmitAsync(site));
        }

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(181));
        var counts = await Service(clock, batchSize: 2).PurgeAsync(Ukraine);

        Assert.True(counts.Submissions >= 5, counts.ToString());
        foreach (var patient in patients)
        {
            Assert.Null(await site.SubmissionAsync(patient.Reference));
        }
    }

    [Fact]
    public async Task The_site_s_own_period_set_in_the_admin_replaces_the_default()
    {
        using var admin = await site.SignInAsNewUserAsync("ukraine", Modules.Roles.DefaultRoles.Administrator);
        using (var refused = await admin.PostFormAsync("/admin/patients/retention", [new("retentionDays", "0")], "/admin/patients"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var page = AdminSession.Parse(await refused.Content.ReadAsStringAsync());
            Assert.NotNull(page.QuerySelector("#retentionDays-error"));
        }

        var patient = await Patient.SubmitAsync(site);
        try
        {
            using (var saved = await admin.PostFormAsync("/admin/patients/retention", [new("retentionDays", "30")], "/admin/patients"))
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }

            var shown = await admin.PageAsync("/admin/patients");
            Assert.Equal("30", shown.QuerySelector("#retentionDays")!.GetAttribute("value"));
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(31));
            await Service(clock, batchSize: 100).PurgeAsync(Ukraine);
            Assert.Null(await site.SubmissionAsync(patient.Reference));
        }
        finally
        {
            using var reset = await admin.PostFormAsync("/admin/patients/retention", [new("retentionDays", "180")], "/admin/patients");
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        }
    }

    [Fact]
    public async Task The_background_service_purges_on_its_interval()
    {
        var patient = await Patient.SubmitAsync(site);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(200));
        var service = Service(clock, batchSize: 50, interval: TimeSpan.FromHours(1));
        await service.StartAsync(CancellationToken.None);
        try
        {
            Assert.NotNull(await site.SubmissionAsync(patient.Reference));
            var took = await Eventually.WithinAsync(TimeSpan.FromSeconds(20), async () =>
            {
                clock.Advance(TimeSpan.FromHours(1));
                return await site.SubmissionAsync(patient.Reference) is null;
            });
            Assert.NotNull(took);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    private TenantSettings Ukraine => site.Service<TenantRegistry>().Find("ukraine")!;

    private RetentionService Service(FakeTimeProvider clock, int batchSize, TimeSpan? interval = null) =>
        new(site.Service<TenantRegistry>(), site.Service<TenantScopeFactory>(),
            Options.Create(new PatientDataOptions { BatchSize = batchSize, Interval = interval ?? TimeSpan.FromHours(1) }), clock, NullLogger<RetentionService>.Instance);

    private async Task<List<string>> FilesOnDiskAsync(long submissionId)
    {
        var names = await site.WithDbAsync(db => db.SubmissionFiles.Where(f => f.SubmissionId == submissionId).Select(f => f.StoredName).ToListAsync());
        return [.. names.Select(n => Path.Combine(site.Factory.AppData, "Sites", "ukraine", "Submissions", n))];
    }

    internal static void AssertNoPersonalData(AuditTrailEventRecord audit, Patient patient)
    {
        var row = string.Join('|', audit.EventName, audit.ContentType, audit.ContentItemId, audit.ContentItemVersionId, audit.DisplayText, audit.Comment, audit.UserName);
        foreach (var secret in patient.Secrets().Append(patient.Reference))
        {
            Assert.DoesNotContain(secret, row, StringComparison.Ordinal);
        }
    }
}

[Collection(PatientDataSqliteCollection.Name)]
public sealed class SqliteRetentionTests(PatientDataSqliteSite site) : RetentionTests(site);

[Collection(PatientDataPostgresCollection.Name)]
public sealed class PostgresRetentionTests(PatientDataPostgresSite site) : RetentionTests(site);
