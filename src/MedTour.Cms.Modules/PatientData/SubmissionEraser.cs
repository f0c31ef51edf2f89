using MedTour.Cms.Data;
using MedTour.Cms.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.PatientData;

/// <summary>
/// Removes submissions and everything that belongs to them: their files (rows and the encrypted bytes under App_Data),
/// their history (notes included), the mails the submission caused (<c>submission:{reference}:…</c>, the patient's
/// address inside) and the workflow events and instances correlated with its reference. The rows go in one
/// transaction; the files after it commits, so a failed transaction leaves every file its rows still name. Scoped.
/// </summary>
public sealed class SubmissionEraser(CmsDbContext db, CurrentTenant tenant, AppPaths paths)
{
    public async Task<ErasedCounts> EraseAsync(IReadOnlyCollection<long> submissionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submissionIds);
        if (submissionIds.Count == 0)
        {
            return ErasedCounts.None;
        }

        var ids = submissionIds.ToList();
        var references = await db.Submissions.Where(s => ids.Contains(s.Id)).Select(s => s.Reference).ToListAsync(cancellationToken);
        var storedNames = await db.SubmissionFiles.Where(f => ids.Contains(f.SubmissionId)).Select(f => f.StoredName).ToListAsync(cancellationToken);
        ErasedCounts counts;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var files = await db.SubmissionFiles.Where(f => ids.Contains(f.SubmissionId)).ExecuteDeleteAsync(cancellationToken);
            var history = await db.SubmissionHistory.Where(h => ids.Contains(h.SubmissionId)).ExecuteDeleteAsync(cancellationToken);
            var mails = 0;
            var workflow = 0;
            foreach (var reference in references)
            {
                var prefix = $"submission:{reference}:";
                mails += await db.MailOutbox.Where(m => m.Key.StartsWith(prefix)).ExecuteDeleteAsync(cancellationToken);
                workflow += await db.WorkflowEvents.Where(e => e.CorrelationId == reference).ExecuteDeleteAsync(cancellationToken);
                workflow += await db.WorkflowInstances.Where(i => i.CorrelationId == reference).ExecuteDeleteAsync(cancellationToken);
            }

            var submissions = await db.Submissions.Where(s => ids.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            counts = new ErasedCounts(submissions, files, history, mails, workflow);
        }

        var folder = Path.Combine(paths.TenantFolder(tenant.Name), "Submissions");
        foreach (var name in storedNames)
        {
            // Stored names are random hex made by the store; GetFileName keeps a damaged row from naming a path elsewhere.
            File.Delete(Path.Combine(folder, Path.GetFileName(name)));
        }

        return counts;
    }
}
