using MedTour.Cms.Data;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Data;

/// <summary>Work after a commit runs action by action: one that fails is logged, the others still run, the commit stands.</summary>
[Collection(SqliteCollection.Name)]
public sealed class UnitOfWorkTests(SqliteSite site)
{
    [Fact]
    public async Task A_failing_after_commit_action_does_not_stop_the_others_or_fail_the_commit()
    {
        await using var scope = site.TenantScope("europe");
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var ran = new List<string>();

        await using (var transaction = await unitOfWork.BeginAsync())
        {
            await unitOfWork.AfterCommitAsync(() => { ran.Add("first"); return Task.CompletedTask; });
            await unitOfWork.AfterCommitAsync(() => throw new InvalidOperationException("cache server gone"));
            await unitOfWork.AfterCommitAsync(() => { ran.Add("third"); return Task.CompletedTask; });
            Assert.Empty(ran);
            await transaction.CommitAsync();
        }

        Assert.Equal(["first", "third"], ran);
    }

    [Fact]
    public async Task Without_a_transaction_a_failing_action_is_logged_not_thrown()
    {
        await using var scope = site.TenantScope("europe");
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();

        await unitOfWork.AfterCommitAsync(() => throw new InvalidOperationException("cache server gone"));
    }
}
