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
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
        catch (ObjectDisposedException)
        {
            // The host is stopping: nobody waits any more.
        }
    }

    /// <summary>Waits for a wake-up or the timeout; true when woken.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

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
