using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Forms;

/// <summary>
/// Posts per (tenant, address) in a fixed window, in memory. Bounded: windows that ended are dropped when the
/// table grows, and it never holds more than <see cref="MaxEntries"/> addresses (beyond that, new addresses share one
/// bucket, so a flood from many addresses is slowed rather than filling memory). Singleton, thread-safe.
/// </summary>
public sealed class AddressRateLimiter(IOptions<FormsOptions> options, TimeProvider clock)
{
    private const int MaxEntries = 50_000;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Counts one post; false (and when to try again) when the address has used its posts.</summary>
    public bool TryAcquire(string tenant, IPAddress? address, out TimeSpan retryAfter)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var length = options.Value.Window;
        if (_windows.Count > MaxEntries)
        {
            foreach (var (k, w) in _windows)
            {
                if (w.Start + length <= now)
                {
                    _windows.TryRemove(k, out _);
                }
            }
        }

        var key = _windows.Count > MaxEntries ? tenant + "|overflow" : tenant + "|" + (address?.ToString() ?? "unknown");
        var window = _windows.AddOrUpdate(key, _ => new Window(now, 1), (_, w) => w.Start + length <= now ? new Window(now, 1) : w with { Count = w.Count + 1 });
        retryAfter = window.Start + length - now;
        return window.Count <= options.Value.PostsPerAddress;
    }

    private sealed record Window(DateTime Start, int Count);
}
