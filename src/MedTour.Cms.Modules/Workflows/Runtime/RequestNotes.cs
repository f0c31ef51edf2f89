using MedTour.Cms.Data;
using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Modules.Forms;
using MedTour.Cms.Security;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.Workflows.Runtime;

/// <summary>
/// Notes a workflow leaves in a consultation request's history (NotifyTask): a <c>SubmissionHistory</c> row by the actor
/// <c>workflow</c>, its text encrypted like the request's fields, added on the caller's context so it is saved in the
/// workflow's checkpoint transaction. The inbox shows it with the request. Scoped.
/// </summary>
public sealed class RequestNotes(CmsDbContext db, CurrentTenant tenant, IDataProtectionProvider provider, IHttpContextAccessor http)
{
    public const string Actor = "workflow";

    public Task<bool> RequestExistsAsync(string reference, CancellationToken cancellationToken = default) =>
        db.Submissions.AnyAsync(s => s.Reference == reference, cancellationToken);

    public async Task AddAsync(string reference, string kind, string text, DateTime now, CancellationToken cancellationToken = default)
    {
        var submissionId = await db.Submissions.Where(s => s.Reference == reference).Select(s => (long?)s.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"There is no request {reference}.");
        db.SubmissionHistory.Add(new SubmissionHistoryRecord
        {
            SubmissionId = submissionId,
            Kind = string.IsNullOrEmpty(kind) ? "note" : kind,
            AtUtc = now,
            Actor = Actor,
            ProtectedText = TenantProtectors.For(provider, http, tenant.Settings, SubmissionStore.FieldsPurpose).Protect(text),
        });
    }
}
