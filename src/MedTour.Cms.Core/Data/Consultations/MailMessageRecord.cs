namespace MedTour.Cms.Data.Consultations;

/// <summary>
/// A mail in the outbox, written in the transaction of what causes it and sent by the background sender. The
/// <see cref="Key"/> (source and recipient) is unique, so one cause never mails one recipient twice. The recipient and
/// the bodies are encrypted with the tenant's purpose.
/// </summary>
public sealed class MailMessageRecord
{
    public long Id { get; set; }
    public string Key { get; set; } = string.Empty;
    public string ProtectedTo { get; set; } = string.Empty;
    public string Subject { get; set; } = string.Empty;
    public string ProtectedHtml { get; set; } = string.Empty;
    public string ProtectedText { get; set; } = string.Empty;
    public DateTime CreatedUtc { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentUtc { get; set; }
    /// <summary>Set when the sender gave up (a dead letter, kept for an administrator to retry).</summary>
    public DateTime? DeadUtc { get; set; }
    public string? LastError { get; set; }
    /// <summary>A sender that claimed the row owns it until then (crashed senders' claims expire).</summary>
    public DateTime? ClaimedUntilUtc { get; set; }
}
