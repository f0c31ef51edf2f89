using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Users;

/// <summary>
/// Sign-in attempts limited per address, then per user name (a sliding window each, no queue). The address limit is
/// asked first, so attempts it refuses never count against the user name. Singleton; idle partitions are dropped
/// by the limiter itself.
/// </summary>
public sealed class SignInRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<SignInAttempt> _limiter;

    public SignInRateLimiter(IOptions<SignInRateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value;
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<SignInAttempt, string>(a => RateLimitPartition.GetSlidingWindowLimiter(a.AddressKey(), _ => Window(limits.PerAddress, limits.Window))),
            PartitionedRateLimiter.Create<SignInAttempt, string>(a => RateLimitPartition.GetSlidingWindowLimiter(a.UserNameKey(), _ => Window(limits.PerUserName, limits.Window))));
    }

    /// <summary>A lease to try the password now, or a refused one (with <see cref="MetadataName.RetryAfter"/>).</summary>
    public RateLimitLease Attempt(SignInAttempt attempt) => _limiter.AttemptAcquire(attempt);

    public void Dispose() => _limiter.Dispose();

    private static SlidingWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        SegmentsPerWindow = 5,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
