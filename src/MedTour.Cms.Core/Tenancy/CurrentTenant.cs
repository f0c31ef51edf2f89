namespace MedTour.Cms.Tenancy;

/// <summary>
/// The tenant of the current scope (a request, or a unit of background work). Scoped; set once by the
/// resolution middleware or by <see cref="TenantScopeFactory"/>, then read by every tenant-aware service.
/// </summary>
public sealed class CurrentTenant
{
    private TenantSettings? _settings;

    public TenantSettings Settings => _settings ?? throw new InvalidOperationException("No tenant has been selected for this scope.");

    public bool IsSet => _settings is not null;

    public string Name => Settings.Name;

    public void Set(TenantSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (_settings is not null && !string.Equals(_settings.Name, settings.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"This scope already belongs to tenant '{_settings.Name}'.");
        }

        _settings = settings;
    }
}
