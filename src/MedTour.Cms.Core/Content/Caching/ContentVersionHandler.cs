using MedTour.Cms.Data;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Content.Caching;

/// <summary>Moves the tenant's content version once a change to published content has committed.</summary>
public sealed class ContentVersionHandler(ContentVersions versions, CurrentTenant tenant, UnitOfWork unitOfWork) : IContentHandler
{
    public Task PublishedAsync(ContentItem item) => AdvanceAsync();

    public Task UnpublishedAsync(ContentItem item) => AdvanceAsync();

    public Task RemovedAsync(ContentItem item) => AdvanceAsync();

    public Task UpdatedAsync(ContentItem item) => item.Published ? AdvanceAsync() : Task.CompletedTask;

    private Task AdvanceAsync()
    {
        var name = tenant.Name;
        return unitOfWork.AfterCommitAsync(() =>
        {
            versions.Advance(name);
            return Task.CompletedTask;
        });
    }
}

/// <summary>A tenant removed (or re-created under the same name) must not find the old tenant's cached content.</summary>
public sealed class ContentVersionTenantObserver(ContentVersions versions) : ITenantObserver
{
    public Task TenantChangedAsync(string tenantName)
    {
        versions.Advance(tenantName);
        return Task.CompletedTask;
    }
}
