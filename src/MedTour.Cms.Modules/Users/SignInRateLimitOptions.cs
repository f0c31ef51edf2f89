namespace MedTour.Cms.Modules.Users;

/// <summary>
/// Configuration section <c>MedTour:SignIn</c>. One address may use only part of a user name's attempts, so no single
/// address can keep an account (say <c>admin</c>) from signing in.
/// </summary>
public sealed class SignInRateLimitOptions
{
    /// <summary>Attempts per window from one address (an IPv4 address, or an IPv6 /64).</summary>
    public int PerAddress { get; set; } = 10;

    /// <summary>Attempts per window for one user name of one site, from all addresses together.</summary>
    public int PerUserName { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);
}
