namespace MedTour.Cms.Modules.Search.Lucene;

/// <summary>An index folder that cannot be opened as it is (stale lock, missing or corrupt segment): it is rebuilt.</summary>
public sealed class SearchIndexDamagedException : Exception
{
    public SearchIndexDamagedException(string message) : base(message) { }

    public SearchIndexDamagedException(string message, Exception inner) : base(message, inner) { }

    public SearchIndexDamagedException() { }
}
