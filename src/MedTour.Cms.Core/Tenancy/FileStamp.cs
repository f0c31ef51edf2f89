namespace MedTour.Cms.Tenancy;

/// <summary>A file's write time and length: when either moves, the file was rewritten.</summary>
public readonly record struct FileStamp(long WriteTicks, long Length);
