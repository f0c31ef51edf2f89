namespace MedTour.Cms.Tenancy;

/// <summary>Tenant settings that cannot be accepted; <see cref="Field"/> names the setting.</summary>
public sealed class TenantValidationException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
}
