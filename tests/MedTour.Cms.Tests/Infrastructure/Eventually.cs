using System.Diagnostics;

namespace MedTour.Cms.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or the time is up (for changes another process makes).</summary>
public static class Eventually
{
    /// <returns>The time it took, or null if the condition never held.</returns>
    public static async Task<TimeSpan?> WithinAsync(TimeSpan limit, Func<Task<bool>> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var watch = Stopwatch.StartNew();
        do
        {
            if (await condition())
            {
                return watch.Elapsed;
            }

            await Task.Delay(50);
        }
        while (watch.Elapsed < limit);

        return await condition() ? watch.Elapsed : null;
    }
}
