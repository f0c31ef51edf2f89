using MedTour.Cms.Security;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.Consultations;

/// <summary>
/// The signed "I'll take it" link of a coordinator's mail: <c>/{prefix}/admin/inbox/take?t=…</c>, a tenant-bound,
/// time-limited token naming the request and the coordinator it was sent to. It carries no medical detail, and it
/// only acknowledges for a signed-in user who is that coordinator (the inbox checks). Scoped.
/// </summary>
public sealed class TakeLinks(CurrentTenant tenant, IDataProtectionProvider provider, IHttpContextAccessor http, TimeProvider clock)
{
    public const string Purpose = "MedTour.Consultations.Take";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>The link's path and query, without the tenant prefix (<c>/admin/inbox/take?t=…</c>).</summary>
    public string PathFor(string reference, string coordinatorId) =>
        "/admin/inbox/take?t=" + Uri.EscapeDataString(Protector().Protect($"{reference}|{coordinatorId}", clock.GetUtcNow().Add(Lifetime)));

    /// <summary>The request and coordinator a token names, or null when it is forged, expired or of another tenant.</summary>
    public (string Reference, string CoordinatorId)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var text = Protector().Unprotect(token, out var expiration);
            return expiration < clock.GetUtcNow() || text.Split('|') is not [var reference, var coordinator] ? null : (reference, coordinator);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private ITimeLimitedDataProtector Protector() =>
        TenantProtectors.For(provider, http, tenant.Settings, Purpose).ToTimeLimitedDataProtector();
}
