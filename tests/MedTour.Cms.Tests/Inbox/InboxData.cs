using System.Security.Cryptography;
using System.Text.Json;
using MedTour.Cms.Content;
using MedTour.Cms.Data;
using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Modules.Forms;
using MedTour.Cms.Tests.Consultations;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Inbox;

/// <summary>
/// Requests and coordinators made for inbox tests the way the form and routing make them: fields and files encrypted
/// with the tenant's purposes, the request assigned directly (routing is another module's).
/// </summary>
public static class InboxData
{
    /// <summary>A new Coordinator item and a signed-in user with the role and the item's e-mail.</summary>
    public static async Task<(string CoordinatorId, AdminSession Session)> CoordinatorAsync(this SiteFixture site, string tenant = "ukraine", string role = "Coordinator")
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var id = "test-coordinator-" + tag;
        var email = $"coordinator-{tag}@medtour.example";
        await using (var scope = site.TenantScope(tenant))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var item = await content.NewAsync("Coordinator");
            item.ContentItemId = id;
            item.DisplayText = "Coordinator " + tag;
            item.Part("TitlePart")["Title"] = item.DisplayText;
            var part = item.Part("Coordinator");
            part["Email"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = email };
            part["Active"] = new System.Text.Json.Nodes.JsonObject { ["Value"] = true };
            await content.CreateAsync(item, VersionOptions.Published);
        }

        var userName = "coord-" + tag;
        await site.CreateUserAsync(tenant, userName, role);
        await using (var scope = site.TenantScope(tenant))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = (await users.FindByNameAsync(userName))!;
            Assert.True((await users.SetEmailAsync(user, email)).Succeeded);
        }

        return (id, await site.SignInAsync(tenant, userName, AdminSessions.Password));
    }

    /// <summary>A stored request (with one PDF unless told otherwise), assigned to <paramref name="coordinatorId"/> at <paramref name="assignedUtc"/>.</summary>
    public static async Task<SeededRequest> RequestAsync(this SiteFixture site, string? coordinatorId, Dictionary<string, string>? fields = null,
        DateTime? assignedUtc = null, byte[]? pdf = null, bool withFile = true, string tenant = "ukraine")
    {
        fields ??= ConsultationForm.ValidUkrainian();
        var reference = $"{(tenant == "ukraine" ? "UA" : "EU")}-{RandomNumberGenerator.GetHexString(4)}-{RandomNumberGenerator.GetHexString(2)}";
        pdf ??= ConsultationForm.Pdf();
        var fieldsProtector = ConsultationStore.Protector(site, tenant, SubmissionStore.FieldsPurpose);
        var filesProtector = ConsultationStore.Protector(site, tenant, SubmissionStore.FilesPurpose);
        await using var scope = site.TenantScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var now = DateTime.UtcNow;
        var submission = new SubmissionRecord
        {
            Reference = reference, FormId = "consultation", Culture = "uk", CreatedUtc = assignedUtc ?? now, ModifiedUtc = now,
            ProtectedFields = fieldsProtector.Protect(JsonSerializer.Serialize(fields)), PrivacyNoticeVersion = "2026-09",
            CoordinatorId = coordinatorId, AssignedUtc = coordinatorId is null ? null : assignedUtc ?? now,
        };
        db.Submissions.Add(submission);
        await db.SaveChangesAsync();
        long? fileId = null;
        if (withFile)
        {
            var stored = Guid.NewGuid().ToString("N");
            var folder = Path.Combine(site.Factory.AppData, "Sites", tenant, "Submissions");
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, stored), filesProtector.Protect(pdf));
            var file = new SubmissionFileRecord { SubmissionId = submission.Id, StoredName = stored, ProtectedName = fieldsProtector.Protect("виписка.pdf"), Kind = "pdf", Length = pdf.Length };
            db.SubmissionFiles.Add(file);
            await db.SaveChangesAsync();
            fileId = file.Id;
        }

        return new SeededRequest(reference, submission.Id, fileId, pdf);
    }

    public static Task<SubmissionRecord> StoredAsync(this SiteFixture site, string reference, string tenant = "ukraine") =>
        site.WithDbAsync(db => db.Submissions.AsNoTracking().SingleAsync(s => s.Reference == reference), tenant);

    public static Task<List<SubmissionHistoryRecord>> HistoryAsync(this SiteFixture site, long submissionId, string tenant = "ukraine") =>
        site.WithDbAsync(db => db.SubmissionHistory.AsNoTracking().Where(h => h.SubmissionId == submissionId).OrderBy(h => h.Id).ToListAsync(), tenant);
}

public sealed record SeededRequest(string Reference, long Id, long? FileId, byte[] Pdf);
