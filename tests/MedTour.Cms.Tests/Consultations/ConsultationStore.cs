using System.Text.Json;
using MedTour.Cms.Data;
using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Modules.Forms;
using MedTour.Cms.Security;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Consultations;

/// <summary>What a tenant's consultation tables hold, read as a background job would (and decrypted with the tenant's purpose).</summary>
public static class ConsultationStore
{
    public static async Task<(int Submissions, int Files, int Events, int Mails)> CountsAsync(this SiteFixture site, string tenant = "ukraine")
    {
        await using var scope = site.TenantScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        return (await db.Submissions.CountAsync(), await db.SubmissionFiles.CountAsync(), await db.WorkflowEvents.CountAsync(), await db.MailOutbox.CountAsync());
    }

    public static async Task<SubmissionRecord?> SubmissionAsync(this SiteFixture site, string reference, string tenant = "ukraine")
    {
        await using var scope = site.TenantScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Reference == reference);
    }

    public static async Task<T> WithDbAsync<T>(this SiteFixture site, Func<CmsDbContext, Task<T>> read, string tenant = "ukraine")
    {
        await using var scope = site.TenantScope(tenant);
        return await read(scope.ServiceProvider.GetRequiredService<CmsDbContext>());
    }

    public static Dictionary<string, string> Decrypt(this SiteFixture site, SubmissionRecord submission, string tenant = "ukraine")
    {
        var json = Protector(site, tenant, SubmissionStore.FieldsPurpose).Unprotect(submission.ProtectedFields);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(json)!;
    }

    public static IDataProtector Protector(SiteFixture site, string tenant, string purpose) =>
        TenantProtectors.For(site.Service<IDataProtectionProvider>(), site.Service<IHttpContextAccessor>(), site.Service<TenantRegistry>().Find(tenant)!, purpose);
}
