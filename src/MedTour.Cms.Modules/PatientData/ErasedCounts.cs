namespace MedTour.Cms.Modules.PatientData;

/// <summary>What an erasure or a purge removed: counts only, the only thing its audit row and log line carry.</summary>
public sealed record ErasedCounts(int Submissions, int Files, int HistoryRows, int Mails, int WorkflowRows)
{
    public static ErasedCounts None { get; } = new(0, 0, 0, 0, 0);

    public ErasedCounts Add(ErasedCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Submissions + other.Submissions, Files + other.Files, HistoryRows + other.HistoryRows, Mails + other.Mails, WorkflowRows + other.WorkflowRows);
    }

    public override string ToString() =>
        $"{Submissions} request(s), {Files} file(s), {HistoryRows} history row(s), {Mails} mail(s), {WorkflowRows} workflow row(s)";
}
