namespace MedTour.Cms.Modules.Setup;

/// <summary>Whether first-run setup has finished; /health/ready and tests wait on it. Singleton.</summary>
public sealed class SetupStatus
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completion => _completion.Task;

    public bool IsReady => _completion.Task.IsCompletedSuccessfully;

    public void Succeeded() => _completion.TrySetResult();

    public void Failed(Exception error) => _completion.TrySetException(error);
}
