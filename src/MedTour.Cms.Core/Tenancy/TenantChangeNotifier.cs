using MedTour.Cms.Data;
using MedTour.Cms.Tenancy.Changes;

namespace MedTour.Cms.Tenancy;

/// <summary>Tells the <see cref="ITenantObserver"/>s that the current tenant's site changed (templates, settings), once the change has committed. Scoped.</summary>
public sealed class TenantChangeNotifier(CurrentTenant tenant, UnitOfWork unitOfWork, TenantObservers observers)
{
    public Task NotifyAfterCommitAsync()
    {
        var name = tenant.Name;
        return unitOfWork.AfterCommitAsync(() => observers.NotifyAsync(name));
    }
}
