using MedTour.Cms.Data;
using MedTour.Cms.Security;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.Email;

/// <summary>Reads and saves the current tenant's <see cref="SmtpSettings"/>, encrypting the password. Scoped.</summary>
public sealed class SmtpSettingsStore(DocumentStore documents, CurrentTenant tenant, IDataProtectionProvider provider, IHttpContextAccessor http)
{
    private const string Purpose = "MedTour.Email.SmtpPassword";

    public async Task<SmtpSettings> GetAsync(CancellationToken cancellationToken = default) =>
        await documents.GetAsync<SmtpSettings>(SmtpSettings.DocumentName, cancellationToken) ?? new SmtpSettings();

    public Task SaveAsync(SmtpSettings settings, string? password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var saved = password is null ? settings : settings with { ProtectedPassword = Protector().Protect(password) };
        return documents.SaveAsync(SmtpSettings.DocumentName, saved, cancellationToken);
    }

    public string? PasswordOf(SmtpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.ProtectedPassword is { Length: > 0 } p ? Protector().Unprotect(p) : null;
    }

    private IDataProtector Protector() => TenantProtectors.For(provider, http, tenant.Settings, Purpose);
}
