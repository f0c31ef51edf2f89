using MedTour.Cms.Data;
using MedTour.Cms.Data.ChangeStamps;
using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Data;

/// <summary>
/// The tenant's change stamp (every host drops the tenant's caches when it moves) moves for data a cache keeps, not
/// for the consultation flow's own rows, which the workflow host writes several times per request.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class ChangeStampTests(SqliteSite site)
{
    [Fact]
    public async Task Consultation_rows_saved_outside_a_transaction_leave_the_stamp_where_it_was()
    {
        await using var scope = site.TenantScope("europe");
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var before = await StampAsync(db);

        db.WorkflowEvents.Add(new WorkflowEventRecord { Name = $"stamp-{Guid.NewGuid():N}", CreatedUtc = DateTime.UtcNow, ProcessedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();

        Assert.Equal(before, await StampAsync(db));
    }

    [Fact]
    public async Task A_document_saved_outside_a_transaction_moves_the_stamp()
    {
        await using var scope = site.TenantScope("europe");
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var before = await StampAsync(db);

        db.Documents.Add(new DocumentRecord { Name = $"stamp-{Guid.NewGuid():N}", Content = "{}" });
        await db.SaveChangesAsync();

        Assert.True(await StampAsync(db) > before);
    }

    private static async Task<long?> StampAsync(CmsDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            return await TenantChangeStamp.ReadAsync(connection);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
