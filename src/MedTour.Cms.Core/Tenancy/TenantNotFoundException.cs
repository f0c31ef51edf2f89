namespace MedTour.Cms.Tenancy;

public sealed class TenantNotFoundException(string name) : Exception($"There is no tenant named '{name}'.")
{
    public string TenantName { get; } = name;
}
