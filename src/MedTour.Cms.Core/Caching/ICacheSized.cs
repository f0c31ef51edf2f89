namespace MedTour.Cms.Caching;

/// <summary>A cached value that knows roughly how many bytes it keeps alive (for types <see cref="CacheSize"/> cannot walk).</summary>
public interface ICacheSized
{
    long EstimatedBytes { get; }
}
