using MedTour.Cms.Data;
using MedTour.Cms.Recipes;
using Microsoft.Extensions.DependencyInjection;
using MedTour.Cms.Tenancy.Changes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Tenancy;

/// <summary>
/// Creates, sets up, disables, enables and removes tenants: the one service behind the admin, the CLI and
/// the Tenants recipe step. Singleton; a tenant's setup runs once at a time.
/// </summary>
public sealed class TenantManager(
    TenantRegistry registry,
    TenantDatabaseMigrator migrator,
    TenantScopeFactory scopes,
    RecipeReader recipes,
    TimeProvider clock,
    TenantObservers observers,
    HostLeases leases,
    IOptions<DatabaseOptions> databaseOptions,
    TenantSetupFailures failures,
    ILogger<TenantManager> logger)
{
    // One lock per tenant: the Default tenant's recipe sets up other tenants while its own setup runs.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _setupLocks = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers a new tenant (Uninitialized). Throws <see cref="TenantValidationException"/> naming the bad setting.</summary>
    public TenantSettings Create(TenantSettings tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (registry.Find(tenant.Name) is not null)
        {
            throw new TenantValidationException("Name", $"a tenant named '{tenant.Name}' already exists.");
        }

        Validate(tenant);
        if (tenant.RecipeName is { } recipe && recipes.Find(recipe) is null)
        {
            throw new TenantValidationException("RecipeName", $"there is no recipe named '{recipe}'.");
        }

        var created = tenant with { State = TenantState.Uninitialized, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        // Checked again against the list on disk, under the writers' lock: another process may have just added one.
        registry.Save(created, current =>
        {
            if (current.Any(t => string.Equals(t.Name, created.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new TenantValidationException("Name", $"a tenant named '{created.Name}' already exists.");
            }

            TenantSettingsValidator.Validate(created, current, databaseOptions.Value.SchemaPrefix);
        });
        logger.LogInformation("Tenant {Tenant} created (prefix {Prefix}, hosts {Hosts})", created.Name, created.RequestUrlPrefix, created.RequestUrlHosts);
        return created;
    }

    public void Validate(TenantSettings tenant) => TenantSettingsValidator.Validate(tenant, registry.All, databaseOptions.Value.SchemaPrefix);

    /// <summary>
    /// Creates the tenant's database and imports its recipe, then marks it Running. Safe to repeat: a tenant
    /// left half set up by a crash is set up again (the recipe import is one transaction).
    /// </summary>
    public async Task SetupAsync(string name, CancellationToken cancellationToken = default)
    {
        var setupLock = _setupLocks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await setupLock.WaitAsync(cancellationToken);
        try
        {
            var tenant = registry.Find(name) ?? throw new TenantNotFoundException(name);
            if (tenant.State is TenantState.Running or TenantState.Disabled)
            {
                return;
            }

            var started = clock.GetTimestamp();
            tenant = registry.Update(name, t => t with { State = TenantState.Initializing });
            await migrator.MigrateAsync(tenant, cancellationToken);
            if (tenant.RecipeName is { } recipeName)
            {
                var recipe = recipes.Find(recipeName) ?? throw new TenantValidationException("RecipeName", $"there is no recipe named '{recipeName}'.");
                await using var scope = scopes.CreateScope(tenant);
                var imported = await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, new RecipeImportOptions { SkipUnsupported = tenant.RecipeSkipUnsupported }, cancellationToken);
                foreach (var skipped in imported.Skipped)
                {
                    logger.LogWarning("Tenant {Tenant}: skipped {Unsupported}", name, skipped);
                }
            }

            await using (var scope = scopes.CreateScope(tenant))
            {
                foreach (var handler in scope.ServiceProvider.GetServices<ITenantSetupHandler>())
                {
                    await handler.TenantSetUpAsync(cancellationToken);
                }
            }

            registry.Update(name, t => t with { State = TenantState.Running });
            failures.Clear(name);
            await NotifyAsync(name);
            logger.LogInformation("Tenant {Tenant} set up from recipe {Recipe} in {Elapsed} ms", name, tenant.RecipeName, clock.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The tenant stays Initializing (503, set up again at the next start); the others are not affected.
            failures.Record(name, clock.GetUtcNow().UtcDateTime);
            logger.LogError(e, "Setup of tenant {Tenant} failed: {Message}", name, e.Message);
            throw;
        }
        finally
        {
            setupLock.Release();
        }
    }

    public async Task<TenantSettings> DisableAsync(string name)
    {
        var tenant = registry.Update(name, t => t.IsDefault ? throw new TenantValidationException("Name", "the Default tenant cannot be disabled.") : t with { State = TenantState.Disabled });
        await NotifyAsync(name);
        return tenant;
    }

    public async Task<TenantSettings> EnableAsync(string name)
    {
        var tenant = registry.Update(name, t => t.State == TenantState.Disabled ? t with { State = TenantState.Running } : t);
        await NotifyAsync(name);
        return tenant;
    }

    /// <summary>Changes a tenant's settings (features, hosts, region…) after checking them against the others.</summary>
    public async Task<TenantSettings> UpdateAsync(string name, Func<TenantSettings, TenantSettings> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var tenant = registry.Update(name, current =>
        {
            var changed = change(current) with { Name = current.Name };
            Validate(changed);
            return changed;
        });
        await NotifyAsync(name);
        return tenant;
    }

    /// <summary>
    /// Deletes a disabled (or never set up) tenant and its data. Refused while another running host still serves
    /// it (its lease lists a recent request), naming that host, unless <paramref name="force"/>.
    /// </summary>
    public async Task RemoveAsync(string name, bool force = false, CancellationToken cancellationToken = default)
    {
        registry.Refresh();
        var tenant = registry.Find(name) ?? throw new TenantNotFoundException(name);
        if (tenant.IsDefault || tenant.State is TenantState.Running or TenantState.Initializing)
        {
            throw new TenantValidationException("State", $"tenant '{name}' is {tenant.State}; disable it before removing it (the Default tenant cannot be removed).");
        }

        if (!force && leases.Serving(name) is [var host, ..])
        {
            throw new TenantValidationException("State", $"tenant '{name}' is still served by the host on {host.Describe()} (last request at {host.Served[name]:u}); wait until that host stops serving it, or remove it with --force.");
        }

        await migrator.DropAsync(tenant, cancellationToken);
        registry.Remove(name);
        _setupLocks.TryRemove(name, out _);
        failures.Clear(name);
        await NotifyAsync(name);
        logger.LogInformation("Tenant {Tenant} removed", name);
    }

    private Task NotifyAsync(string name) => observers.NotifyAsync(name);
}
