using MedTour.Cms.Modules.Forms;

namespace MedTour.Cms.Modules.PatientData;

/// <summary>
/// Whose data is asked for: an e-mail address or a phone number, normalised as the form stores it (a phone in E.164,
/// read in <c>country</c> when it has no "+"), so it meets the submission's keyed hash.
/// </summary>
public sealed record PatientContact(string Field, string Value)
{
    /// <summary>The contact, or an error naming the field (<c>email</c>, <c>phone</c>).</summary>
    public static (PatientContact? Contact, string? Field, string? Error) Parse(string? email, string? phone, string? country)
    {
        email = email?.Trim();
        phone = phone?.Trim();
        if (!string.IsNullOrEmpty(email) && !string.IsNullOrEmpty(phone))
        {
            return (null, "email", "give either an e-mail address or a phone number, not both.");
        }

        if (!string.IsNullOrEmpty(email))
        {
            return email.Length <= 254 && email.Contains('@', StringComparison.Ordinal) && !email.Any(char.IsWhiteSpace)
                ? (new PatientContact("email", email), null, null)
                : (null, "email", "enter an e-mail address such as name@example.com.");
        }

        if (!string.IsNullOrEmpty(phone))
        {
            return FormValidator.Normalise(phone, country) is { } e164
                ? (new PatientContact("phone", e164), null, null)
                : (null, "phone", "enter a valid phone number with its country code (+380…), or choose its country.");
        }

        return (null, "email", "give an e-mail address or a phone number.");
    }
}
