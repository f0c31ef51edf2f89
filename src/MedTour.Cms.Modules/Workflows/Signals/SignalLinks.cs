using System.Globalization;
using MedTour.Cms.Security;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.Workflows.Signals;

/// <summary>
/// Signed links that send a workflow signal: <c>/{prefix}/workflows/signal?t=…</c>, the token a tenant-bound protection of
/// <c>expiry|signal|correlation</c>. The expiry is inside the protected text rather than through a time-limited
/// protector: that one adds its purpose after ours, so a link made in a background scope (where the tenant purpose is
/// added first) would not open in a request (where the host adds it last). Scoped.
/// </summary>
public sealed class SignalLinks(CurrentTenant tenant, IDataProtectionProvider provider, IHttpContextAccessor http, TimeProvider clock)
{
    public const string Purpose = "MedTour.Workflows.Signal";
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    /// <summary>The link's path and query without the tenant prefix (<c>/workflows/signal?t=…</c>).</summary>
    public string PathFor(string correlationId, string signal, TimeSpan? lifetime = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(correlationId);
        ArgumentException.ThrowIfNullOrEmpty(signal);
        if (signal.Contains('|', StringComparison.Ordinal))
        {
            throw new ArgumentException("A signal name cannot contain '|'.", nameof(signal));
        }

        var expires = clock.GetUtcNow().Add(lifetime ?? DefaultLifetime).ToUnixTimeSeconds();
        return "/workflows/signal?t=" + Uri.EscapeDataString(Protector().Protect(FormattableString.Invariant($"{expires}|{signal}|{correlationId}")));
    }

    /// <summary>The correlation and signal a token names, or null when it is forged, expired or of another tenant.</summary>
    public (string CorrelationId, string Signal)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return Protector().Unprotect(token).Split('|', 3) is [var expires, var signal, var correlation]
                && long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && DateTimeOffset.FromUnixTimeSeconds(seconds) > clock.GetUtcNow()
                ? (correlation, signal)
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private IDataProtector Protector() => TenantProtectors.For(provider, http, tenant.Settings, Purpose);
}
