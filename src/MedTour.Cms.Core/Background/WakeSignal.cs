namespace MedTour.Cms.Background;

/// <summary>
/// Wakes a background loop of this process at once when work for it was committed here, rather than at its next poll.
/// Notifications while it is awake collapse into one wake-up. Each loop has its own subclass, registered as a singleton,
/// so that notifying one does not wake the others.
/// </summary>
public abstract class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        // Most notifications find it awake already (every submission notifies): no exception thrown for those.
        if (_wake.CurrentCount > 0)
        {
            return;
        }

        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Woken by another thread in between.
        }
        catch (ObjectDisposedException)
        {
            // The host is stopping: nobody waits any more.
        }
    }

    /// <summary>Waits for a wake-up or the timeout; true when woken.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    /// <summary>A background loop: runs <paramref name="pass"/> now, then after each wake-up or <paramref name="interval"/>, until the host stops.</summary>
    public async Task RunAsync(Func<CancellationToken, Task> pass, TimeSpan interval, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(pass);
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            await pass(stoppingToken);
            try
            {
                await WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _wake.Dispose();
        }
    }
}
