using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Security;

/// <summary>
/// The host's <see cref="IDataProtectionProvider"/>: every protector it makes (the sign-in cookie's, antiforgery's,
/// any module's) adds the current request's tenant to its purposes when it protects or unprotects, so data
/// protected for one site cannot be read on another although all sites share one key ring. Singleton.
/// </summary>
public sealed class TenantDataProtectionProvider(IDataProtectionProvider inner, IHttpContextAccessor http) : IDataProtectionProvider
{
    public IDataProtector CreateProtector(string purpose) => new TenantDataProtector(inner.CreateProtector(purpose), http);
}
