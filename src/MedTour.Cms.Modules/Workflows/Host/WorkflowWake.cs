namespace MedTour.Cms.Modules.Workflows.Host;

/// <summary>
/// Wakes this process's <see cref="WorkflowHost"/> when a workflow event was committed here (a submission, a content
/// change), so it is handled at once rather than at the next poll; other hosts' events are found by polling. Singleton.
/// </summary>
public sealed class WorkflowWake : IDisposable
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
    }

    /// <summary>Waits for a wake-up or the timeout.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _wake.Dispose();
}
