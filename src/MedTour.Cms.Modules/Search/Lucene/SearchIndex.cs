using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using MedTour.Cms.Modules.Search.Analysis;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace MedTour.Cms.Modules.Search.Lucene;

/// <summary>
/// One open Lucene index (a tenant's culture, one generation folder): its writer and a near-real-time searcher
/// manager. Thread-safe (IndexWriter and SearcherManager are). The cursor — the last indexing task applied — is kept
/// in the commit's user data, so it is exactly as durable as the documents it describes.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const string CursorKey = "medtour.cursor";
    private const double RebuildBufferMB = 128;
    private const double LiveBufferMB = 32;

    private readonly LuceneDirectory _directory;
    private readonly SearcherManager _searchers;
    private long _lastCommitTicks;

    private SearchIndex(string folder, string culture, LuceneDirectory directory, IndexWriter writer, long cursor)
    {
        Folder = folder;
        Culture = culture;
        _directory = directory;
        Writer = writer;
        Cursor = cursor;
        _searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
    }

    public string Folder { get; }
    public string Culture { get; }
    public IndexWriter Writer { get; }
    public Analyzer Analyzer => Writer.Analyzer;

    /// <summary>The last indexing task whose change this index holds (committed or not yet).</summary>
    public long Cursor { get; set; }

    public DateTime? LastAppliedUtc { get; set; }

    /// <summary>
    /// Opens or creates the index in <paramref name="folder"/>. A lock left by a crashed process or an index that cannot be
    /// read (a segment file missing or corrupt) throws <see cref="SearchIndexDamagedException"/>: the caller rebuilds.
    /// </summary>
    public static SearchIndex Open(string folder, string culture, bool create = false)
    {
        System.IO.Directory.CreateDirectory(folder);
        var directory = FSDirectory.Open(folder);
        try
        {
            if (!create && File.Exists(Path.Combine(folder, IndexWriter.WRITE_LOCK_NAME)))
            {
                // This process has not opened the folder yet, so the lock is another process's or a crash's leftover.
                throw new SearchIndexDamagedException($"stale {IndexWriter.WRITE_LOCK_NAME} in {folder}");
            }

            var exists = !create && DirectoryReader.IndexExists(directory);
            var cursor = 0L;
            if (exists)
            {
                // Reading the last commit opens every segment's files: a missing or truncated one fails here.
                using var reader = DirectoryReader.Open(directory);
                cursor = reader.IndexCommit.UserData.TryGetValue(CursorKey, out var value) && long.TryParse(value, out var parsed) ? parsed : 0;
                _ = reader.NumDocs;
            }

            var config = new IndexWriterConfig(CultureAnalyzers.Version, CultureAnalyzers.For(culture))
            {
                OpenMode = exists ? OpenMode.APPEND : OpenMode.CREATE,
                // A rebuild writes a whole culture in one go: a larger buffer flushes fewer, larger segments (less merging
                // while indexing, fewer segments for every query to visit), and they are not copied once more into
                // compound files. Live updates come in small batches (see UseLiveSettings).
                RAMBufferSizeMB = create ? RebuildBufferMB : LiveBufferMB,
                UseCompoundFile = !create,
            };
            var writer = new IndexWriter(directory, config);
            var index = new SearchIndex(folder, culture, directory, writer, cursor);
            if (!exists)
            {
                index.Commit();
            }

            return index;
        }
        catch (Exception e) when (e is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or LockObtainFailedException or InvalidOperationException)
        {
            directory.Dispose();
            throw e as SearchIndexDamagedException ?? new SearchIndexDamagedException($"{folder}: {e.Message}", e);
        }
    }

    /// <summary>After a rebuild's commit: the buffer and compound segments of live updates.</summary>
    public void UseLiveSettings()
    {
        Writer.Config.RAMBufferSizeMB = LiveBufferMB;
        Writer.Config.UseCompoundFile = true;
    }

    /// <summary>A searcher for one query; give it back with <see cref="Release"/>.</summary>
    public IndexSearcher Acquire() => _searchers.Acquire();

    public void Release(IndexSearcher searcher) => _searchers.Release(searcher);

    /// <summary>Makes the writer's changes visible to new searchers (near real time, no fsync).</summary>
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    /// <summary>Durable commit with the cursor; at most once a second unless forced (fsync is the costly part).</summary>
    public void Commit(bool force = true)
    {
        var now = Environment.TickCount64;
        if (!force && now - Interlocked.Read(ref _lastCommitTicks) < 1000)
        {
            return;
        }

        Writer.SetCommitData(new Dictionary<string, string> { [CursorKey] = Cursor.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Writer.Commit();
        Interlocked.Exchange(ref _lastCommitTicks, now);
    }

    public int DocumentCount()
    {
        var searcher = Acquire();
        try
        {
            return searcher.IndexReader.NumDocs;
        }
        finally
        {
            Release(searcher);
        }
    }

    public void Dispose()
    {
        try
        {
            Commit();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // Closing after a failed write: the last commit stands and the cursor re-applies what is missing.
        }

        _searchers.Dispose();
        Writer.Dispose();
        _directory.Dispose();
    }
}
