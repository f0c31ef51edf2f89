namespace MedTour.Cms.Modules.Email;

/// <summary>Configuration section <c>MedTour:Mail</c>: the background sender's pace and patience.</summary>
public sealed class MailOptions
{
    /// <summary>Off in hosts that must not send (a test drives <see cref="MailSender.SendDueAsync(CancellationToken)"/> itself).</summary>
    public bool SenderEnabled { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>The first retry waits about this long; each next one twice as long (with ±25 % jitter), up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>After this many failed attempts the mail is a dead letter (kept, retried only by an administrator).</summary>
    public int MaxAttempts { get; set; } = 12;
    public int BatchSize { get; set; } = 50;
    /// <summary>How long a sender owns the rows it claimed; a crashed sender's rows return after it.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>The sender's address when a tenant's SMTP settings name none.</summary>
    public string DefaultFrom { get; set; } = "no-reply@medtour.example";
    public string DefaultFromName { get; set; } = "MedTour";
}
