using System.Runtime.ExceptionServices;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace MedTour.Cms.Modules.Email;

/// <summary>
/// Delivers one batch of a tenant's mail: over one SMTP connection (MailKit), or as <c>.eml</c> files in the pickup folder
/// when the tenant has no SMTP host. Created per batch; not thread-safe.
/// </summary>
public sealed class MailTransport(SmtpSettings settings, string? password, string pickupFolder) : IAsyncDisposable
{
    private SmtpClient? _smtp;
    private Exception? _unreachable;

    public bool UsesPickupFolder => string.IsNullOrWhiteSpace(settings.Host);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (UsesPickupFolder)
        {
            Directory.CreateDirectory(pickupFolder);
            var name = $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml";
            var temporary = Path.Combine(pickupFolder, name + ".tmp");
            // SMTP picks the transfer encodings itself; a file needs them declared, or mail readers take the UTF-8 bodies for 7-bit text.
            message.Prepare(EncodingConstraint.SevenBit);
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, Path.Combine(pickupFolder, name));
            return;
        }

        var smtp = await ConnectAsync(cancellationToken);
        await smtp.SendAsync(message, cancellationToken);
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_smtp is { IsConnected: true })
        {
            return _smtp;
        }

        // A server that could not be reached (or refused the login) fails every other mail of the batch the same way:
        // they are not each given a 15-second connection timeout.
        if (_unreachable is not null)
        {
            ExceptionDispatchInfo.Throw(_unreachable);
        }

        _smtp?.Dispose();
        _smtp = new SmtpClient { Timeout = 15_000 };
        var tls = Enum.TryParse<SecureSocketOptions>(settings.TlsMode, ignoreCase: true, out var mode) ? mode : SecureSocketOptions.StartTls;
        try
        {
            await _smtp.ConnectAsync(settings.Host!, settings.Port, tls, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await _smtp.AuthenticateAsync(settings.UserName, password ?? string.Empty, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _unreachable = e;
            throw;
        }

        return _smtp;
    }

    public async ValueTask DisposeAsync()
    {
        if (_smtp is { IsConnected: true })
        {
            try
            {
                await _smtp.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.CommandException)
            {
                // The mail has been handed over; a failed QUIT changes nothing.
            }
        }

        _smtp?.Dispose();
    }
}
