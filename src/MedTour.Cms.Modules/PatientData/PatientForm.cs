using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.PatientData;

/// <summary>What the patient-data page posts: the contact (e-mail, or phone with its country), and for an erasure the typed confirmation.</summary>
public sealed record PatientForm(string Email, string Phone, string Country, string Confirm, string Format)
{
    public static PatientForm Empty { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty, "zip");

    public static PatientForm Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(Value(form, "email", 254), Value(form, "phone", 40), Value(form, "country", 2).ToUpperInvariant(), Value(form, "confirm", 254), Value(form, "format", 4));
    }

    /// <summary>The contact, normalised as the form stores it (a phone without "+" is read in the chosen country, else the site's).</summary>
    public PatientContact? Contact(AdminRequest admin, FormErrors errors)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(errors);
        var (contact, field, error) = PatientContact.Parse(Email, Phone, Country.Length > 0 ? Country : admin.Tenant.Region?.CountryCode);
        if (contact is null)
        {
            errors.Add(field!, admin.T("{0}: " + error, field == "phone" ? admin.T("Phone") : admin.T("E-mail")));
        }

        return contact;
    }

    // Over-long values are cut, not refused: they then fail the contact's own checks, which name the field.
    private static string Value(IFormCollection form, string name, int max)
    {
        var value = form[name].ToString().Trim();
        return value.Length <= max ? value : value[..(max + 1)];
    }
}
