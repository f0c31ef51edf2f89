using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace MedTour.Cms.Modules.Forms;

/// <summary>
/// The confirmation page's address part: form and reference, protected for the tenant and valid for two hours, so the
/// page shows a reference only to whoever was redirected there (references cannot be tried one by one). Singleton.
/// </summary>
public sealed class FormReceipt(IDataProtectionProvider provider, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);
    private readonly IDataProtector _protector = provider.CreateProtector("MedTour.Forms.Receipt");

    public string Issue(string formId, string reference) =>
        Base64Url(_protector.Protect(System.Text.Encoding.UTF8.GetBytes($"{formId}|{reference}|{clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture)}")));

    public (string FormId, string Reference)? Read(string receipt)
    {
        try
        {
            var parts = System.Text.Encoding.UTF8.GetString(_protector.Unprotect(Convert.FromBase64String(FromBase64Url(receipt)))).Split('|');
            return parts.Length == 3 && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && clock.GetUtcNow().UtcDateTime - new DateTime(ticks, DateTimeKind.Utc) < Lifetime
                ? (parts[0], parts[1])
                : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
    }
}
