namespace MedTour.Cms.Tenancy;

/// <summary>Told after a tenant is created, set up, disabled, enabled or removed (caches that hold pages or settings listen).</summary>
public interface ITenantObserver
{
    Task TenantChangedAsync(string tenantName);

    /// <summary>
    /// Told when only the tenant's own data may have changed (its first change stamp read by this host): observers
    /// whose caches span tenants may narrow what they drop. By default the same as <see cref="TenantChangedAsync"/>.
    /// </summary>
    Task TenantContentChangedAsync(string tenantName) => TenantChangedAsync(tenantName);
}
