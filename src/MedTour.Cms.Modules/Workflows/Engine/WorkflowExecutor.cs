using MedTour.Cms.Content;
using MedTour.Cms.Modules.Workflows.Model;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Workflows.Engine;

/// <summary>Saves an instance and the effects of the activity that just ran, in one transaction.</summary>
public delegate Task WorkflowCheckpoint(WorkflowState state, IReadOnlyList<WorkflowEffect> effects);

/// <summary>
/// Runs workflow instances, Orchard's model: an event starts an instance at a start activity or resumes one waiting on
/// it; activities run one after the other along the transitions of their outcomes; after every activity the state and
/// that activity's effects are checkpointed together, so a crash resumes at the first activity not checkpointed
/// (<see cref="ContinueAsync"/>) and never repeats an effect. A run that executes more than
/// <see cref="WorkflowOptions.MaxActivitiesPerRun"/> activities is faulted (a loop). Singleton, stateless.
/// </summary>
public sealed class WorkflowExecutor(ActivityLibrary library, WorkflowExpressions expressions, IOptions<WorkflowOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Starts an instance of <paramref name="type"/> if one of its start events accepts <paramref name="workflowEvent"/>; null otherwise.
    /// <paramref name="workflowId"/> (derived from the event by the runtime) makes a start after a crash pick the same id.
    /// </summary>
    public async Task<WorkflowState?> StartAsync(WorkflowType type, WorkflowEvent workflowEvent, IServiceProvider services, WorkflowCheckpoint checkpoint, string? workflowId = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(workflowEvent);
        var now = clock.GetUtcNow().UtcDateTime;
        var state = new WorkflowState
        {
            WorkflowId = workflowId ?? ContentIds.New(),
            WorkflowTypeId = type.WorkflowTypeId,
            WorkflowTypeVersion = type.Version,
            CorrelationId = workflowEvent.CorrelationId,
            Input = workflowEvent.Input.DeepClone().AsObject(),
            CreatedUtc = now,
            ModifiedUtc = now,
        };
        var start = type.Activities.FirstOrDefault(a => a.IsStart && library.Find(a.Name) is { Kind: ActivityKind.Event } activity
            && activity.Accepts(Context(type, state, a, workflowEvent, services, now), workflowEvent));
        if (start is null || !type.IsEnabled)
        {
            return null;
        }

        state.Scheduled.Add(start.ActivityId);
        await RunAsync(type, state, workflowEvent, services, checkpoint, resumeFirst: true);
        return state;
    }

    /// <summary>The blocking activities of <paramref name="state"/> that <paramref name="workflowEvent"/> concerns.</summary>
    public IReadOnlyList<BlockingActivity> Waiting(WorkflowType type, WorkflowState state, WorkflowEvent workflowEvent, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(state);
        var now = clock.GetUtcNow().UtcDateTime;
        return state.Status != WorkflowStatus.Halted ? [] : state.Blocking.Where(b => type.FindActivity(b.ActivityId) is { } record
            && library.Find(record.Name) is { } activity && activity.Accepts(Context(type, state, record, workflowEvent, services, now), workflowEvent)).ToList();
    }

    /// <summary>Resumes an instance waiting on <paramref name="blocking"/> with the event that arrived.</summary>
    public Task ResumeAsync(WorkflowType type, WorkflowState state, BlockingActivity blocking, WorkflowEvent workflowEvent, IServiceProvider services, WorkflowCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(blocking);
        ArgumentNullException.ThrowIfNull(workflowEvent);
        state.Blocking.RemoveAll(b => b.ActivityId == blocking.ActivityId);
        foreach (var (name, value) in workflowEvent.Input)
        {
            state.Input[name] = value?.DeepClone();
        }

        state.Scheduled.Insert(0, blocking.ActivityId);
        return RunAsync(type, state, workflowEvent, services, checkpoint, resumeFirst: true);
    }

    /// <summary>Runs what a crashed host had scheduled but not checkpointed.</summary>
    public Task ContinueAsync(WorkflowType type, WorkflowState state, IServiceProvider services, WorkflowCheckpoint checkpoint) =>
        RunAsync(type, state, null, services, checkpoint, resumeFirst: false);

    /// <summary>Runs a faulted instance again from the activity that failed.</summary>
    public Task RetryAsync(WorkflowType type, WorkflowState state, IServiceProvider services, WorkflowCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Status != WorkflowStatus.Faulted || state.Fault is null)
        {
            throw new InvalidOperationException($"Workflow {state.WorkflowId} is {state.Status}, not faulted.");
        }

        state.Scheduled.Insert(0, state.Fault.ActivityId);
        state.Fault = null;
        return RunAsync(type, state, null, services, checkpoint, resumeFirst: false);
    }

    private async Task RunAsync(WorkflowType type, WorkflowState state, WorkflowEvent? workflowEvent, IServiceProvider services, WorkflowCheckpoint checkpoint, bool resumeFirst)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(checkpoint);
        state.Status = WorkflowStatus.Executing;
        var executed = 0;
        var resume = resumeFirst;
        while (state.Scheduled.Count > 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var activityId = state.Scheduled[0];
            var record = type.FindActivity(activityId);
            var activity = record is null ? null : library.Find(record.Name);
            if (record is null || activity is null)
            {
                await FaultAsync(state, activityId, $"activity {activityId} ({record?.Name ?? "missing"}) is not in the workflow type or the catalogue.", [], checkpoint, now);
                return;
            }

            if (++executed > options.Value.MaxActivitiesPerRun)
            {
                await FaultAsync(state, activityId, $"more than {options.Value.MaxActivitiesPerRun} activities in one run (a loop of transitions?).", [], checkpoint, now);
                return;
            }

            var context = Context(type, state, record, resume ? workflowEvent : null, services, now);
            ActivityResult result;
            try
            {
                result = resume ? await activity.ResumeAsync(context) : await activity.ExecuteAsync(context);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                result = ActivityResult.Fault(e.Message);
            }

            resume = false;
            if (result.Error is { } error)
            {
                await FaultAsync(state, activityId, error, [], checkpoint, now);
                return;
            }

            state.Scheduled.RemoveAt(0);
            if (result.Halted)
            {
                state.Blocking.Add(new BlockingActivity(activityId, record.Name, activity.DueUtc(context)));
                state.Journal.Add(new JournalEntry(activityId, record.Name, now, [], "waiting"));
            }
            else
            {
                state.Journal.Add(new JournalEntry(activityId, record.Name, now, result.Outcomes));
                state.Scheduled.AddRange(type.Transitions
                    .Where(t => t.SourceActivityId == activityId && result.Outcomes.Contains(t.SourceOutcomeName, StringComparer.OrdinalIgnoreCase))
                    .Select(t => t.DestinationActivityId));
            }

            state.ModifiedUtc = now;
            if (state.Scheduled.Count == 0)
            {
                state.Status = state.Blocking.Count > 0 ? WorkflowStatus.Halted : WorkflowStatus.Finished;
            }

            await checkpoint(state, context.Effects);
        }
    }

    private static Task FaultAsync(WorkflowState state, string activityId, string message, IReadOnlyList<WorkflowEffect> effects, WorkflowCheckpoint checkpoint, DateTime now)
    {
        state.Scheduled.Remove(activityId);
        state.Status = WorkflowStatus.Faulted;
        state.Fault = new WorkflowFault(activityId, message);
        state.Journal.Add(new JournalEntry(activityId, "fault", now, [], message));
        state.ModifiedUtc = now;
        return checkpoint(state, effects);
    }

    private ActivityContext Context(WorkflowType type, WorkflowState state, ActivityRecord record, WorkflowEvent? workflowEvent, IServiceProvider services, DateTime now) =>
        new(type, state, record, workflowEvent, expressions, services, now);
}
