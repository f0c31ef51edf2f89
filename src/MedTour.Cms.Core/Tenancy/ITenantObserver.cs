namespace MedTour.Cms.Tenancy;

/// <summary>Told after a tenant is created, set up, disabled, enabled or removed (caches that hold pages or settings listen).</summary>
public interface ITenantObserver
{
    Task TenantChangedAsync(string tenantName);
}
