using MedTour.Cms.Background;

namespace MedTour.Cms.Modules.Email;

/// <summary>
/// Wakes this process's <see cref="MailSender"/> when a transaction that put mail in an outbox committed here (see
/// <see cref="MailOutbox.Add"/>), so the mail leaves at once rather than at the next poll; other hosts' mail is found by
/// polling. Singleton.
/// </summary>
public sealed class MailWake : WakeSignal;
