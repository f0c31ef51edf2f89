using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Caching;

public static class CachingServiceCollectionExtensions
{
    /// <summary>The memory cache with a size limit in bytes (<c>MedTour:Cache</c>): every entry must then carry a size.</summary>
    public static IServiceCollection AddBoundedMemoryCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CacheOptions>().Bind(configuration.GetSection("MedTour:Cache"));
        services.AddMemoryCache();
        services.AddOptions<MemoryCacheOptions>().Configure<IOptions<CacheOptions>>((memory, cache) =>
        {
            memory.SizeLimit = cache.Value.SizeLimitBytes;
            // When full, drop a tenth at once rather than compacting at every insertion.
            memory.CompactionPercentage = 0.10;
        });
        return services;
    }
}
