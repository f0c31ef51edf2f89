using MailKit.Security;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.Email;
using Microsoft.AspNetCore.Http;
using MimeKit;

namespace MedTour.Cms.Modules.MailAdmin;

/// <summary>
/// The SMTP settings form as posted. The password is never shown: an empty one keeps the saved password,
/// <see cref="ClearPassword"/> removes it.
/// </summary>
public sealed record SmtpSettingsForm(string Host, string Port, string TlsMode, string UserName, string Password, bool ClearPassword, string From, string FromName)
{
    public static readonly IReadOnlyList<string> TlsModes = Enum.GetNames<SecureSocketOptions>();

    public static SmtpSettingsForm Of(SmtpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.Host ?? string.Empty, settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), settings.TlsMode,
            settings.UserName ?? string.Empty, string.Empty, false, settings.From ?? string.Empty, settings.FromName ?? string.Empty);
    }

    public static SmtpSettingsForm Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(form["host"].ToString().Trim(), form["port"].ToString().Trim(), form["tlsMode"].ToString(), form["userName"].ToString().Trim(),
            form["password"].ToString(), form["clearPassword"] == "true", form["from"].ToString().Trim(), form["fromName"].ToString().Trim());
    }

    /// <summary>The settings to save (keeping <paramref name="saved"/>'s encrypted password unless a new one is typed or it is cleared), or the errors by field.</summary>
    public (SmtpSettings? Settings, FormErrors Errors) Validate(SmtpSettings saved, AdminRequest admin)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(admin);
        var errors = new FormErrors();
        if (Host.Length > 0 && (Host.Length > 253 || Uri.CheckHostName(Host) == UriHostNameType.Unknown))
        {
            errors.Add("host", admin.T("Not a host name or IP address."));
        }

        if (!int.TryParse(Port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            errors.Add("port", admin.T("The port is a number from 1 to 65535."));
        }

        if (!TlsModes.Contains(TlsMode, StringComparer.Ordinal))
        {
            errors.Add("tlsMode", admin.T("Choose one of the TLS modes."));
        }

        if (From.Length > 0 && (!MailboxAddress.TryParse(From, out var from) || !string.IsNullOrEmpty(from.Name) || !from.Address.Contains('@', StringComparison.Ordinal)))
        {
            errors.Add("from", admin.T("Not an e-mail address."));
        }

        if (FromName.Length > 200 || UserName.Length > 200 || Password.Length > 500)
        {
            errors.Add(FromName.Length > 200 ? "fromName" : UserName.Length > 200 ? "userName" : "password", admin.T("Too long."));
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        return (new SmtpSettings
        {
            Host = Host.Length == 0 ? null : Host,
            Port = port,
            TlsMode = TlsMode,
            UserName = UserName.Length == 0 ? null : UserName,
            ProtectedPassword = ClearPassword ? null : saved.ProtectedPassword,
            From = From.Length == 0 ? null : From,
            FromName = FromName.Length == 0 ? null : FromName,
        }, errors);
    }
}
