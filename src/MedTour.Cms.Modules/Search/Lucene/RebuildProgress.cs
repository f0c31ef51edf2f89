namespace MedTour.Cms.Modules.Search.Lucene;

/// <summary>How far a tenant's running rebuild is (read by the admin page's progress bar). Thread-safe.</summary>
public sealed class RebuildProgress
{
    private long _done;
    private long _total;
    private int _running;

    public bool Running => Volatile.Read(ref _running) == 1;
    public long Done => Interlocked.Read(ref _done);
    public long Total => Interlocked.Read(ref _total);
    public DateTime? FinishedUtc { get; private set; }

    public int Percent => Total == 0 ? (Running ? 0 : 100) : (int)Math.Min(100, Done * 100 / Total);

    public bool TryStart(long total)
    {
        if (Interlocked.CompareExchange(ref _running, 1, 0) != 0)
        {
            return false;
        }

        Interlocked.Exchange(ref _done, 0);
        Interlocked.Exchange(ref _total, total);
        return true;
    }

    public void SetTotal(long total) => Interlocked.Exchange(ref _total, total);

    public void Add(long count) => Interlocked.Add(ref _done, count);

    public void Finish(DateTime now)
    {
        FinishedUtc = now;
        Volatile.Write(ref _running, 0);
    }
}
