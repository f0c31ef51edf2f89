using MedTour.Cms.Data;
using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Data;

/// <summary>
/// The in-process queue of SQLite writers (ADR 0050): concurrent writers all get through, a writer waits for the one in
/// front of it instead of failing, and a transaction that ends without a commit lets the next writer in at once.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class SqliteWriteGateTests(SqliteSite site)
{
    // Far below the gate's 30 s give-up: a writer still waiting after this was never let in.
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Forty_concurrent_transactions_and_lone_writes_on_one_file_all_commit()
    {
        var name = $"gate-{Guid.NewGuid():N}";
        var writers = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            await using var scope = site.TenantScope("europe");
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            if (i % 2 == 0)
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.WorkflowEvents.Add(Event(name, i));
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
            else
            {
                db.WorkflowEvents.Add(Event(name, i)); // one INSERT, no transaction of EF's own
                await db.SaveChangesAsync();
            }
        })).ToArray();

        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromMinutes(1));

        await using var check = site.TenantScope("europe");
        Assert.Equal(40, await check.ServiceProvider.GetRequiredService<CmsDbContext>().WorkflowEvents.CountAsync(e => e.Name == name));
    }

    [Fact]
    public async Task A_writer_waits_for_the_open_transaction_then_goes_on()
    {
        var name = $"gate-{Guid.NewGuid():N}";
        await using var first = site.TenantScope("europe");
        await using var second = site.TenantScope("europe");
        var holder = first.ServiceProvider.GetRequiredService<CmsDbContext>();
        var waiter = second.ServiceProvider.GetRequiredService<CmsDbContext>();

        var transaction = await holder.Database.BeginTransactionAsync();
        holder.WorkflowEvents.Add(Event(name, 1));
        await holder.SaveChangesAsync();
        var update = waiter.WorkflowEvents.Where(e => e.Name == name).ExecuteUpdateAsync(s => s.SetProperty(e => e.Attempts, 7));
        await Task.Delay(300);
        Assert.False(update.IsCompleted);

        await transaction.CommitAsync();
        await transaction.DisposeAsync();

        Assert.Equal(1, await update.WaitAsync(Stuck));
    }

    [Fact]
    public async Task A_transaction_disposed_without_a_commit_lets_the_next_writer_in()
    {
        var name = $"gate-{Guid.NewGuid():N}";
        await using var first = site.TenantScope("europe");
        await using var second = site.TenantScope("europe");
        var abandoned = first.ServiceProvider.GetRequiredService<CmsDbContext>();
        await using (await abandoned.Database.BeginTransactionAsync())
        {
            abandoned.WorkflowEvents.Add(Event(name, 1));
            await abandoned.SaveChangesAsync();
        }

        var next = second.ServiceProvider.GetRequiredService<CmsDbContext>();
        await using var transaction = await next.Database.BeginTransactionAsync().WaitAsync(Stuck);
        next.WorkflowEvents.Add(Event(name, 2));
        await next.SaveChangesAsync();
        await transaction.CommitAsync();

        Assert.Equal([2L], await next.WorkflowEvents.Where(e => e.Name == name).Select(e => (long)e.Attempts).ToListAsync());
    }

    private static WorkflowEventRecord Event(string name, int attempts) =>
        new() { Name = name, Payload = "{}", Attempts = attempts, CreatedUtc = DateTime.UtcNow, ProcessedUtc = DateTime.UtcNow };
}
