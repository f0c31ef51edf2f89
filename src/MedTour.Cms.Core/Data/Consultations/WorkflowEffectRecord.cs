namespace MedTour.Cms.Data.Consultations;

/// <summary>
/// A side effect of a workflow activity other than mail (a webhook call…), written in the transaction of the
/// activity's checkpoint and carried out by a background worker with retries. <see cref="Key"/> (instance, activity,
/// target) is unique, so an activity run again after a crash adds nothing.
/// </summary>
public sealed class WorkflowEffectRecord
{
    public long Id { get; set; }
    public string Key { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public string Payload { get; set; } = "{}";
    public DateTime CreatedUtc { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime? DoneUtc { get; set; }
    public DateTime? DeadUtc { get; set; }
    public string? LastError { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
}
