using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace MedTour.Cms.Modules.Forms;

/// <summary>
/// A hidden field the form page carries: which form, when it was shown, and a random nonce, protected for the tenant.
/// It gives the minimum time to submit (a robot posts at once) and, through the unique nonce stored with the submission,
/// refuses a replayed post. Scoped-free: made from the singleton provider.
/// </summary>
public sealed class FormTicket(IDataProtectionProvider provider, TimeProvider clock)
{
    public const string FieldName = "__ticket";
    private readonly IDataProtector _protector = provider.CreateProtector("MedTour.Forms.Ticket");

    public string Issue(string formId) =>
        _protector.Protect(string.Join('|', formId, clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))));

    /// <summary>The ticket's nonce and age, or null when it is missing, forged, from another form or another site.</summary>
    public (string Nonce, TimeSpan Age)? Read(string? ticket, string formId)
    {
        if (string.IsNullOrEmpty(ticket))
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(ticket).Split('|');
            if (parts.Length != 3 || parts[0] != formId || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return null;
            }

            return (parts[2], clock.GetUtcNow().UtcDateTime - new DateTime(ticks, DateTimeKind.Utc));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
