using MedTour.Cms.Data;
using MedTour.Cms.Modules.Email;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Consultations;

/// <summary>
/// The mail sender is woken when a transaction that put mail in the outbox commits, not before (the sender would find
/// nothing) and not after a rollback; a save outside a transaction wakes it once saved.
/// </summary>
public abstract class MailWakeTests(SiteFixture site)
{
    private static readonly RenderedMail Mail = new("Wake test", "<p>wake</p>", "wake");

    [Fact]
    public async Task A_committed_transaction_with_outbox_mail_wakes_the_sender_at_the_commit()
    {
        var wake = Drained();
        await using var scope = site.TenantScope("ukraine");
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        scope.ServiceProvider.GetRequiredService<MailOutbox>().Add("wake-test|" + Guid.NewGuid().ToString("N"), "wake@example.com", Mail);
        await db.SaveChangesAsync();
        Assert.False(await wake.WaitAsync(TimeSpan.Zero, CancellationToken.None), "woken before the commit");

        await transaction.CommitAsync();
        Assert.True(await wake.WaitAsync(TimeSpan.Zero, CancellationToken.None), "not woken by the commit");
    }

    [Fact]
    public async Task A_rolled_back_transaction_does_not_wake_the_sender()
    {
        var wake = Drained();
        await using var scope = site.TenantScope("ukraine");
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var key = "wake-test|" + Guid.NewGuid().ToString("N");
        scope.ServiceProvider.GetRequiredService<MailOutbox>().Add(key, "wake@example.com", Mail);
        await db.SaveChangesAsync();
        await transaction.RollbackAsync();

        Assert.False(await wake.WaitAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.False(await db.MailOutbox.AnyAsync(m => m.Key.StartsWith(key)));
    }

    [Fact]
    public async Task A_save_outside_a_transaction_wakes_the_sender_once_saved()
    {
        var wake = Drained();
        await using var scope = site.TenantScope("ukraine");
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        scope.ServiceProvider.GetRequiredService<MailOutbox>().Add("wake-test|" + Guid.NewGuid().ToString("N"), "wake@example.com", Mail);
        Assert.False(await wake.WaitAsync(TimeSpan.Zero, CancellationToken.None));

        await db.SaveChangesAsync();
        Assert.True(await wake.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }

    /// <summary>The process's wake signal with any earlier wake-up taken, so only this test's can be seen.</summary>
    private MailWake Drained()
    {
        var wake = site.Service<MailWake>();
        _ = wake.WaitAsync(TimeSpan.Zero, CancellationToken.None).GetAwaiter().GetResult();
        return wake;
    }
}

[Collection(ConsultationSqliteCollection.Name)]
public sealed class SqliteMailWakeTests(ConsultationSqliteSite site) : MailWakeTests(site);

[Collection(ConsultationPostgresCollection.Name)]
public sealed class PostgresMailWakeTests(ConsultationPostgresSite site) : MailWakeTests(site);
