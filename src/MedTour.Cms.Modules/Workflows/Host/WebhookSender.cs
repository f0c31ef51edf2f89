using System.Text;
using System.Text.Json.Nodes;
using MedTour.Cms.Data;
using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Modules.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Workflows.Host;

/// <summary>
/// Calls the tenant's due webhooks (<c>WorkflowEffects</c> of kind Http, written by HttpRequestTask in its checkpoint):
/// claims them, sends each once per attempt, marks it done on a 2xx answer, else retries with exponential back-off and
/// jitter until <see cref="Engine.WorkflowOptions.EffectMaxAttempts"/>, after which it is dead (kept with its error).
/// A webhook the <see cref="WebhookGuard"/> refuses is dead at once. Scoped.
/// </summary>
public sealed partial class WebhookSender(CmsDbContext db, IHttpClientFactory http, IOptions<Engine.WorkflowOptions> options, TimeProvider clock, ILogger<WebhookSender> logger)
{
    public const string ClientName = "MedTour.Workflows.Webhooks";

    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.WorkflowEffects.AnyAsync(e => e.DoneUtc == null && e.DeadUtc == null && e.NextAttemptUtc <= now, cancellationToken))
        {
            return 0;
        }

        var ids = await WorkClaims.EffectsAsync(db, now, now + o.ClaimLease, o.BatchSize, cancellationToken);
        var rows = await db.WorkflowEffects.AsNoTracking().Where(e => ids.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var done = 0;
        foreach (var row in rows)
        {
            done += await SendAsync(row, cancellationToken) ? 1 : 0;
        }

        return done;
    }

    private async Task<bool> SendAsync(WorkflowEffectRecord row, CancellationToken cancellationToken)
    {
        var effect = db.WorkflowEffects.Where(e => e.Id == row.Id);
        try
        {
            if (row.Kind != WorkflowEffectKinds.Http)
            {
                throw new WebhookBlockedException($"unknown effect kind '{row.Kind}'.");
            }

            var payload = JsonNode.Parse(row.Payload)!.AsObject();
            using var request = new HttpRequestMessage(new HttpMethod(payload["Method"]?.GetValue<string>() ?? "POST"), payload["Url"]!.GetValue<string>());
            if (payload["Body"]?.GetValue<string>() is { } body && request.Method != HttpMethod.Get)
            {
                request.Content = new StringContent(body, Encoding.UTF8, payload["ContentType"]?.GetValue<string>() ?? "application/json");
            }

            // The effect's key lets the receiver drop a copy sent again after a crash between the call and its record.
            request.Headers.TryAddWithoutValidation("Idempotency-Key", row.Key);
            using var client = http.CreateClient(ClientName);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.HttpTimeout);
            using var response = await client.SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"the webhook answered {(int)response.StatusCode}.");
            }

            await effect.ExecuteUpdateAsync(s => s.SetProperty(e => e.DoneUtc, clock.GetUtcNow().UtcDateTime).SetProperty(e => e.Attempts, row.Attempts + 1)
                .SetProperty(e => e.ClaimedUntilUtc, (DateTime?)null).SetProperty(e => e.LastError, (string?)null), cancellationToken);
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var attempts = row.Attempts + 1;
            var blocked = Blocked(e);
            var dead = blocked is not null || attempts >= options.Value.EffectMaxAttempts;
            var now = clock.GetUtcNow().UtcDateTime;
            var message = blocked?.Message ?? $"{e.GetType().Name}: {e.Message}";
            message = message.Length > 1024 ? message[..1024] : message;
            await effect.ExecuteUpdateAsync(s => s.SetProperty(x => x.Attempts, attempts).SetProperty(x => x.NextAttemptUtc, now + Backoff(attempts))
                .SetProperty(x => x.DeadUtc, dead ? now : null).SetProperty(x => x.ClaimedUntilUtc, (DateTime?)null).SetProperty(x => x.LastError, message), CancellationToken.None);
            LogFailed(row.Id, attempts, dead, message);
            return false;
        }
    }

    private static WebhookBlockedException? Blocked(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is WebhookBlockedException blocked)
            {
                return blocked;
            }
        }

        return null;
    }

    /// <summary>EffectBaseDelay × 2^(attempt−1), capped, times a random 0.75–1.25.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var o = options.Value;
        var exponential = o.EffectBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        return TimeSpan.FromMilliseconds(Math.Min(exponential, o.EffectMaxDelay.TotalMilliseconds) * (0.75 + (Random.Shared.NextDouble() * 0.5)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook effect {Id} failed (attempt {Attempt}, dead: {Dead}): {Error}")]
    private partial void LogFailed(long id, int attempt, bool dead, string error);
}
