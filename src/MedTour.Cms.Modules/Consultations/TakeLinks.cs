using System.Globalization;
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
/// <remarks>
/// The expiry is part of the protected text rather than a <c>ToTimeLimitedDataProtector()</c> wrapper: that wrapper adds
/// its own purpose after the tenant's one outside a request (a background mail) but before it inside one (the host's
/// per-request tenant protector), so a link made by the mail sender could not be read by the inbox.
/// </remarks>
public sealed class TakeLinks(CurrentTenant tenant, IDataProtectionProvider provider, IHttpContextAccessor http, TimeProvider clock)
{
    public const string Purpose = "MedTour.Consultations.Take.v2";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>The link's path and query, without the tenant prefix (<c>/admin/inbox/take?t=…</c>).</summary>
    public string PathFor(string reference, string coordinatorId)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        ArgumentException.ThrowIfNullOrEmpty(coordinatorId);
        var expires = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return "/admin/inbox/take?t=" + Uri.EscapeDataString(Protector().Protect($"{reference}|{coordinatorId}|{expires}"));
    }

    /// <summary>The request and coordinator a token names, or null when it is forged, expired or of another tenant.</summary>
    public (string Reference, string CoordinatorId)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048)
        {
            return null;
        }

        try
        {
            var text = Protector().Unprotect(token);
            return text.Split('|') is [var reference, var coordinator, var expires]
                && long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && DateTimeOffset.FromUnixTimeSeconds(seconds) >= clock.GetUtcNow()
                ? (reference, coordinator)
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private IDataProtector Protector() => TenantProtectors.For(provider, http, tenant.Settings, Purpose);
}
