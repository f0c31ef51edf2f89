using System.Net.Mail;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace MedTour.Cms.Modules.Forms;

/// <summary>
/// Checks a post against its form: required, length, pattern, options, e-mail, phone (normalised to E.164 in the
/// country chosen beside it), checkboxes, files (count, sizes, kinds by their bytes), and no markup in any field.
/// Stateless; the phone library's util is thread-safe.
/// </summary>
public static partial class FormValidator
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static FormCheck Check(FormDefinition form, IReadOnlyDictionary<string, string> posted, IReadOnlyList<IncomingFile> files)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(posted);
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<FormError>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in form.Fields.Where(f => f.Type != "file"))
        {
            var value = (posted.GetValueOrDefault(field.Name) ?? string.Empty).Trim();
            if (CheckField(form, field, value, posted, out var clean) is { } message)
            {
                errors.Add(new FormError(field.Name, message));
            }
            else if (clean.Length > 0)
            {
                values[field.Name] = clean;
            }
        }

        var accepted = new List<(IncomingFile File, string Kind)>();
        foreach (var field in form.Fields.Where(f => f.Type == "file"))
        {
            var mine = files.Where(f => f.Field == field.Name).ToList();
            if (CheckFiles(field, mine, accepted) is { } message)
            {
                errors.Add(new FormError(field.Name, message));
            }
        }

        if (files.Any(f => form.Field(f.Field) is not { Type: "file" }))
        {
            errors.Add(new FormError(string.Empty, "The request holds a file this form does not ask for."));
        }

        return new FormCheck(errors, values, accepted);
    }

    /// <summary>
    /// A value for a field taken from outside a post (a <see cref="FormField.FromQuery"/> prefill): kept only when the
    /// field would accept it, so a link cannot put markup or an over-long text into the form.
    /// </summary>
    public static string? Prefill(FormDefinition form, FormField field, string? value)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(field);
        return field.Type is "file" or "checkbox" || string.IsNullOrWhiteSpace(value)
            || CheckField(form, field, value.Trim(), new Dictionary<string, string>(), out var clean) is not null || clean.Length == 0
            ? null
            : clean;
    }

    private static string? CheckField(FormDefinition form, FormField field, string value, IReadOnlyDictionary<string, string> posted, out string clean)
    {
        clean = value;
        if (field.Type == "checkbox")
        {
            var ticked = value is "on" or "true" or "yes" or "1";
            clean = ticked ? "true" : string.Empty;
            return field.Required && !ticked ? "{0}: please tick this box." : null;
        }

        if (value.Length == 0)
        {
            return field.Required ? (field.Type == "select" ? "{0}: please choose one." : "{0}: this field is required.") : null;
        }

        if (value.Length > field.EffectiveMaxLength)
        {
            return "{0}: this text is too long.";
        }

        if (field.MinLength is { } min && value.Length < min)
        {
            return "{0}: this text is too short.";
        }

        if (Markup().IsMatch(value) || value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            return "{0}: please remove the characters < and > and any code.";
        }

        if (field.Pattern is { Length: > 0 } pattern && !Matches(pattern, value))
        {
            return "{0}: the value is not in the expected form.";
        }

        switch (field.Type)
        {
            case "email":
                return IsEmail(value) ? null : "{0}: enter an e-mail address such as name@example.com.";
            case "select":
                return field.Options.Any(o => o.Value == value) ? null : "{0}: please choose one.";
            case "tel":
                var country = field.CountryField is { } countryField ? posted.GetValueOrDefault(countryField)?.Trim() : null;
                if (Normalise(value, country) is not { } e164)
                {
                    return "{0}: enter a valid phone number with its country code.";
                }

                clean = e164;
                return null;
            default:
                return null;
        }
    }

    private static string? CheckFiles(FormField field, List<IncomingFile> files, List<(IncomingFile File, string Kind)> accepted)
    {
        if (files.Count == 0)
        {
            return field.Required ? "{0}: please attach a file." : null;
        }

        if (files.Count > field.MaxFiles)
        {
            return "{0}: attach at most 5 files.";
        }

        if (files.Any(f => f.Bytes.Length > field.MaxFileBytes))
        {
            return "{0}: each file may be at most 10 MB.";
        }

        if (files.Sum(f => (long)f.Bytes.Length) > field.MaxTotalBytes)
        {
            return "{0}: the files together may be at most 25 MB.";
        }

        foreach (var file in files)
        {
            var promised = FileKinds.OfExtension(file.FileName);
            var allowed = field.Accept.Count == 0 || field.Accept.Contains(Path.GetExtension(file.FileName), StringComparer.OrdinalIgnoreCase);
            if (promised is null || !allowed || FileKinds.Sniff(file.Bytes.AsSpan(0, Math.Min(file.Bytes.Length, 256))) != promised)
            {
                return "{0}: only PDF, JPEG, PNG and DICOM files can be sent, and each must really be one.";
            }

            accepted.Add((file, promised));
        }

        return null;
    }

    /// <summary>E.164 (<c>+380501234567</c>) when the number is valid; a number without "+" is read in <paramref name="country"/>.</summary>
    public static string? Normalise(string phone, string? country)
    {
        try
        {
            var region = country is { Length: 2 } ? country.ToUpperInvariant() : null;
            var number = Phones.Parse(phone, region);
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static bool IsEmail(string value) =>
        value.Length <= 254 && !value.Any(char.IsWhiteSpace) && MailAddress.TryCreate(value, out var address)
        && address.Address == value && address.Host.Contains('.', StringComparison.Ordinal);

    private static bool Matches(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, "^(?:" + pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Something a browser could read as markup: "&lt;" before a letter, "/", "!" or "?" ("&lt; 5 mm" is fine).</summary>
    [GeneratedRegex(@"<\s*[a-zA-Z/!?]")]
    private static partial Regex Markup();
}

/// <summary>The outcome of <see cref="FormValidator.Check"/>: errors, or the clean values and the accepted files with their kinds.</summary>
public sealed record FormCheck(IReadOnlyList<FormError> Errors, IReadOnlyDictionary<string, string> Values, IReadOnlyList<(IncomingFile File, string Kind)> Files)
{
    public bool IsValid => Errors.Count == 0;
}
