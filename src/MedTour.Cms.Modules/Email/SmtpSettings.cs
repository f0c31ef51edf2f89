namespace MedTour.Cms.Modules.Email;

/// <summary>
/// A tenant's outgoing mail server (a document of the tenant, <c>SmtpSettings</c>). Without a <see cref="Host"/> mail is
/// written as <c>.eml</c> files to the tenant's pickup folder under App_Data, so a fresh checkout sends nothing anywhere.
/// The password is kept encrypted (<see cref="ProtectedPassword"/>).
/// </summary>
public sealed record SmtpSettings
{
    public const string DocumentName = "SmtpSettings";

    public string? Host { get; init; }
    public int Port { get; init; } = 587;
    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public string TlsMode { get; init; } = "StartTls";
    public string? UserName { get; init; }
    public string? ProtectedPassword { get; init; }
    public string? From { get; init; }
    public string? FromName { get; init; }
}
