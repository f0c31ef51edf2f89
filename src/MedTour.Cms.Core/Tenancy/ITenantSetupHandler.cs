namespace MedTour.Cms.Tenancy;

/// <summary>
/// Runs in the tenant's scope when its setup has imported the recipe, before it is marked Running: modules give a
/// new tenant what every tenant needs (the roles) without the recipe having to say so. Must be idempotent.
/// </summary>
public interface ITenantSetupHandler
{
    Task TenantSetUpAsync(CancellationToken cancellationToken);
}
