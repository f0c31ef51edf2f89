using MedTour.Cms.Modules.Workflows.Model;

namespace MedTour.Cms.Modules.Workflows.Engine;

/// <summary>
/// Checks a workflow type against the activity catalogue before it is saved or imported: known activities with valid
/// properties, transitions between existing activities from outcomes they have, and a start event. Each problem names
/// the activity (<c>Activities[2] (IfElseTask "check-urgent"): Condition is required.</c>). Singleton.
/// </summary>
public sealed class WorkflowTypeValidator(ActivityLibrary library)
{
    public IReadOnlyList<string> Validate(WorkflowType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(type.Name))
        {
            errors.Add("Name is required.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < type.Activities.Count; i++)
        {
            var record = type.Activities[i];
            var where = $"Activities[{i}] ({record.Name} \"{record.ActivityId}\")";
            if (string.IsNullOrWhiteSpace(record.ActivityId) || !ids.Add(record.ActivityId))
            {
                errors.Add($"{where}: ActivityId is missing or repeated.");
            }

            if (library.Find(record.Name) is not { } activity)
            {
                errors.Add($"{where}: there is no activity named '{record.Name}' (known: {string.Join(", ", library.All.Select(a => a.Name))}).");
                continue;
            }

            if (record.IsStart && activity.Kind != ActivityKind.Event)
            {
                errors.Add($"{where}: only an event can start a workflow.");
            }

            errors.AddRange(activity.Validate(record.Properties).Select(p => $"{where}: {p.Property} {p.Message}"));
        }

        if (!type.Activities.Exists(a => a.IsStart))
        {
            errors.Add("the workflow has no start activity (mark an event with IsStart).");
        }

        for (var i = 0; i < type.Transitions.Count; i++)
        {
            var transition = type.Transitions[i];
            var source = type.FindActivity(transition.SourceActivityId);
            if (source is null || type.FindActivity(transition.DestinationActivityId) is null)
            {
                errors.Add($"Transitions[{i}]: from '{transition.SourceActivityId}' to '{transition.DestinationActivityId}': both activities must exist.");
            }
            else if (library.Find(source.Name) is { } activity
                && !activity.Outcomes(source.Properties).Contains(transition.SourceOutcomeName, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"Transitions[{i}]: {source.Name} \"{source.ActivityId}\" has no outcome '{transition.SourceOutcomeName}' (it has {string.Join(", ", activity.Outcomes(source.Properties))}).");
            }
        }

        return errors;
    }
}
