namespace MedTour.Cms.Caching;

/// <summary>
/// Configuration section <c>MedTour:Cache</c>: the bounds of the in-memory caches. The memory cache as a whole holds
/// at most <see cref="SizeLimitMegabytes"/>; one tenant at most <see cref="TenantBudgetMegabytes"/> of it, so a busy
/// or attacked tenant evicts its own entries, not the others'.
/// </summary>
public sealed class CacheOptions
{
    public const long Megabyte = 1024 * 1024;

    public int SizeLimitMegabytes { get; set; } = 256;

    public int TenantBudgetMegabytes { get; set; } = 64;

    /// <summary>The output cache (rendered pages) has its own limit.</summary>
    public int OutputCacheMegabytes { get; set; } = 64;

    public long SizeLimitBytes => Math.Max(1, SizeLimitMegabytes) * Megabyte;

    public long TenantBudgetBytes => Math.Max(1, Math.Min(TenantBudgetMegabytes, SizeLimitMegabytes)) * Megabyte;
}
