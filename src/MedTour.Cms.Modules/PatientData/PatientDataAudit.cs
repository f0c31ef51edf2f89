using System.Security.Claims;
using MedTour.Cms.Data;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.PatientData;

/// <summary>
/// Audit rows for patient-data work, in the audit trail beside content events: what was done, by whom, when and the
/// counts, never a contact, a reference or a field value (the row outlives the data it speaks of). Scoped.
/// </summary>
public sealed class PatientDataAudit(CmsDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public const string ContentType = "PatientData";
    public const string Exported = "patient-data-exported";
    public const string Erased = "patient-data-erased";
    public const string Purged = "retention-purged";

    /// <summary>Writes the row now (its own save: the work it records has committed).</summary>
    public async Task RecordAsync(string eventName, ErasedCounts counts, string? actor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var request = http.HttpContext;
        var user = request?.User is { Identity.IsAuthenticated: true } principal ? principal : null;
        db.AuditTrailEvents.Add(new AuditTrailEventRecord
        {
            EventName = eventName,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            UserId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = user?.Identity?.Name ?? actor,
            ClientIpAddress = request?.Connection.RemoteIpAddress?.ToString(),
            ContentType = ContentType,
            ContentItemId = eventName,
            DisplayText = counts.ToString(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
