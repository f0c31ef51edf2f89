using MedTour.Cms.Data;
using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Security;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MedTour.Cms.Modules.Email;

/// <summary>
/// Sends every running tenant's outbox: claims due rows (on PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>, so several
/// hosts share the work and none sends a row another holds), sends them, marks each sent, or schedules a retry with
/// exponential back-off and jitter, and after <see cref="MailOptions.MaxAttempts"/> keeps it as a dead letter.
/// Woken at once by <see cref="MailWake"/> when mail was committed in this process, else every <see cref="MailOptions.Interval"/>
/// (other hosts' mail, retries coming due). Logs carry row ids and errors, never addresses or bodies. Singleton.
/// </summary>
public sealed partial class MailSender(
    TenantRegistry registry,
    TenantScopeFactory scopes,
    IDataProtectionProvider provider,
    IHttpContextAccessor http,
    AppPaths paths,
    IOptions<MailOptions> options,
    MailWake wake,
    TimeProvider clock,
    ILogger<MailSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SenderEnabled)
        {
            return;
        }

        await wake.RunAsync(SendDueAsync, options.Value.Interval, stoppingToken);
    }

    /// <summary>One pass over every running tenant; returns how many mails were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        foreach (var name in registry.All.Select(t => t.Name))
        {
            if (registry.Find(name) is not { State: TenantState.Running } tenant)
            {
                continue;
            }

            try
            {
                sent += await SendDueAsync(tenant, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogTenantFailed(e, tenant.Name);
            }
        }

        return sent;
    }

    /// <summary>
    /// Sends one tenant's mail that was due when the pass began, batch after batch. A mail that fails is due again only
    /// after its back-off, so it waits for a later pass: while the server is down a pass tries each mail once, and does
    /// not spend a mail's attempts (and make it a dead letter) in a loop that outlasts the back-off.
    /// </summary>
    public async Task<int> SendDueAsync(TenantSettings tenant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var dueBy = clock.GetUtcNow().UtcDateTime;
        var sent = 0;
        while (true)
        {
            var (delivered, claimed) = await SendBatchAsync(tenant, dueBy, cancellationToken);
            sent += delivered;
            if (claimed < options.Value.BatchSize)
            {
                return sent;
            }
        }
    }

    private async Task<(int Delivered, int Claimed)> SendBatchAsync(TenantSettings tenant, DateTime dueBy, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateScope(tenant);
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CmsDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        // A read first: most ticks find nothing due, and a read takes no write lock (SQLite has one writer).
        if (!await db.MailOutbox.AnyAsync(m => m.SentUtc == null && m.DeadUtc == null && m.NextAttemptUtc <= dueBy, cancellationToken))
        {
            return (0, 0);
        }

        var ids = await OutboxClaims.ClaimAsync(db, dueBy, now, now + options.Value.ClaimLease, options.Value.BatchSize, cancellationToken);
        if (ids.Count == 0)
        {
            return (0, 0);
        }

        var rows = await db.MailOutbox.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var store = services.GetRequiredService<SmtpSettingsStore>();
        var settings = await store.GetAsync(cancellationToken);
        var protector = TenantProtectors.For(provider, http, tenant, MailOutbox.Purpose);
        var delivered = 0;
        await using (var transport = new MailTransport(settings, store.PasswordOf(settings), Path.Combine(paths.TenantFolder(tenant.Name), "Mail")))
        {
            foreach (var row in rows)
            {
                try
                {
                    await transport.SendAsync(Compose(row, settings, protector), cancellationToken);
                    await db.MailOutbox.Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.SentUtc, clock.GetUtcNow().UtcDateTime)
                        .SetProperty(m => m.Attempts, row.Attempts + 1)
                        .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
                        .SetProperty(m => m.LastError, (string?)null), cancellationToken);
                    delivered++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    await FailedAsync(db, row, e, tenant.Name, cancellationToken);
                }
            }
        }

        return (delivered, ids.Count);
    }

    private async Task FailedAsync(CmsDbContext db, MailMessageRecord row, Exception error, string tenant, CancellationToken cancellationToken)
    {
        var attempts = row.Attempts + 1;
        var permanent = error is MailKit.Net.Smtp.SmtpCommandException { ErrorCode: MailKit.Net.Smtp.SmtpErrorCode.RecipientNotAccepted or MailKit.Net.Smtp.SmtpErrorCode.SenderNotAccepted };
        var dead = permanent || attempts >= options.Value.MaxAttempts;
        var now = clock.GetUtcNow().UtcDateTime;
        var next = now + Backoff(attempts);
        // The error's type and message only: SMTP servers may echo the recipient, which is personal data.
        var message = error.GetType().Name + (error is MailKit.Net.Smtp.SmtpCommandException command ? $" {(int)command.StatusCode}" : string.Empty);
        await db.MailOutbox.Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.NextAttemptUtc, next)
            .SetProperty(m => m.DeadUtc, dead ? now : null)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
            .SetProperty(m => m.LastError, message), cancellationToken);
        if (dead)
        {
            LogDeadLetter(tenant, row.Id, attempts, message);
        }
        else
        {
            LogRetry(tenant, row.Id, attempts, message);
        }
    }

    /// <summary>BaseDelay × 2^(attempt−1), capped, times a random 0.75–1.25 so failed senders do not retry in step.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var o = options.Value;
        var exponential = o.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = Math.Min(exponential, o.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.75 + (Random.Shared.NextDouble() * 0.5)));
    }

    private MimeMessage Compose(MailMessageRecord row, SmtpSettings settings, IDataProtector protector)
    {
        var message = new MimeMessage();
        // Always the site's own address: a visitor's address is never the From.
        message.From.Add(new MailboxAddress(settings.FromName ?? options.Value.DefaultFromName, settings.From ?? options.Value.DefaultFrom));
        message.To.Add(MailboxAddress.Parse(protector.Unprotect(row.ProtectedTo)));
        message.Subject = row.Subject;
        // A stable id per outbox row: a receiver can recognise the rare copy sent again after a crash.
        message.MessageId = $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(row.Key)))[..24]}@medtour.outbox";
        message.Body = new BodyBuilder { HtmlBody = protector.Unprotect(row.ProtectedHtml), TextBody = protector.Unprotect(row.ProtectedText) }.ToMessageBody();
        return message;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail outbox of tenant {Tenant} could not be processed")]
    private partial void LogTenantFailed(Exception error, string tenant);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {Id} of tenant {Tenant} failed (attempt {Attempt}): {Error}; retrying later")]
    private partial void LogRetry(string tenant, long id, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail {Id} of tenant {Tenant} is a dead letter after {Attempt} attempts: {Error}")]
    private partial void LogDeadLetter(string tenant, long id, int attempt, string error);
}
