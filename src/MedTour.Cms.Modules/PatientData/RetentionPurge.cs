using MedTour.Cms.Data;
using MedTour.Cms.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.PatientData;

/// <summary>
/// One tenant's retention: requests never converted into a consultation (<c>ConvertedUtc</c> null) and older than the
/// tenant's period are erased in batches, each batch its own transaction; one audit row per run that removed
/// anything, with counts. Scoped (a tenant scope).
/// </summary>
public sealed class RetentionPurge(CmsDbContext db, DocumentStore documents, SubmissionEraser eraser, PatientDataAudit audit,
    IOptions<PatientDataOptions> options)
{
    public async Task<int> RetentionDaysAsync(CancellationToken cancellationToken = default) =>
        (await documents.GetAsync<PatientDataSettings>(PatientDataSettings.DocumentName, cancellationToken))?.RetentionDays ?? options.Value.RetentionDays;

    /// <summary>Purges what had expired at <paramref name="nowUtc"/> (the caller's clock), <paramref name="batchSize"/> requests per transaction.</summary>
    public async Task<ErasedCounts> RunAsync(DateTime nowUtc, int batchSize, CancellationToken cancellationToken = default)
    {
        var cutoff = nowUtc.AddDays(-await RetentionDaysAsync(cancellationToken));
        var batch = Math.Max(1, batchSize);
        var total = ErasedCounts.None;
        while (true)
        {
            var ids = await db.Submissions.Where(s => s.ConvertedUtc == null && s.CreatedUtc < cutoff)
                .OrderBy(s => s.Id).Select(s => s.Id).Take(batch).ToListAsync(cancellationToken);
            if (ids.Count > 0)
            {
                total = total.Add(await eraser.EraseAsync(ids, cancellationToken));
            }

            if (ids.Count < batch)
            {
                break;
            }
        }

        if (total.Submissions > 0)
        {
            await audit.RecordAsync(PatientDataAudit.Purged, total, "retention", cancellationToken);
        }

        return total;
    }
}
