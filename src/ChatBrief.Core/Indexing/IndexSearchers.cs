using ChatBrief.Core.Semantic;
using Lucene.Net.Search;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ChatBrief.Core.Indexing;

/// <summary>
/// The searcher and snapshot lifecycle: publishes one <see cref="CommitSearcher"/> per commit through Lucene's
/// <see cref="SearcherManager"/>, lends it to questions and swaps it after a commit. Nothing here runs on a question's
/// path but <see cref="Acquire"/>: refreshing is the build's and the background refresher's job.
/// </summary>
internal sealed class IndexSearchers(IPassageEmbedder? embedder, IndexSnapshotReader snapshots) : IDisposable
{
    private readonly System.Threading.Lock _swapLock = new();
    private SearcherManager? _manager;

    public bool IsOpen => Volatile.Read(ref _manager) is not null;

    /// <summary>Publishes the directory's last commit, deriving its snapshot; throws what reading it threw.</summary>
    public void Open(LuceneDirectory directory)
    {
        lock (_swapLock)
        {
            _manager ??= NewManager(directory);
        }
    }

    /// <exception cref="IndexNotReadyException">No commit is published yet.</exception>
    public IndexLease Acquire()
    {
        var manager = Volatile.Read(ref _manager) ?? throw new IndexNotReadyException();
        return new IndexLease(manager, (CommitSearcher)manager.Acquire());
    }

    /// <summary>Reads something of the published commit, or returns <paramref name="none"/> when nothing is published.</summary>
    public T Read<T>(Func<CommitSearcher, T> read, T none)
    {
        if (!IsOpen)
        {
            return none;
        }

        using var lease = Acquire();
        return read(lease.Searcher);
    }

    /// <summary>Publishes a commit this process has just written, before the build reports it done.</summary>
    public void PublishCommitted(LuceneDirectory directory)
    {
        lock (_swapLock)
        {
            if (_manager is null)
            {
                _manager = NewManager(directory);
            }
            else
            {
                _manager.MaybeRefreshBlocking();
            }
        }
    }

    /// <summary>Publishes a commit another process wrote, if any; true when a new commit is now served.</summary>
    public bool RefreshIfChanged()
    {
        var manager = Volatile.Read(ref _manager);
        if (manager is null || manager.IsSearcherCurrent())
        {
            return false;
        }

        manager.MaybeRefreshBlocking();
        return true;
    }

    /// <summary>Re-derives the served commit's aliases from the aliases file; false when nothing is published yet.</summary>
    public bool RefreshAliases()
    {
        // Under the swap lock, so that a commit published meanwhile (which reads the file itself) is the one refreshed.
        lock (_swapLock)
        {
            if (_manager is null)
            {
                return false;
            }

            using var lease = Acquire();
            lease.Searcher.ReplaceAliases(snapshots.ReadAliases(lease.Searcher));
            return true;
        }
    }

    public void Close()
    {
        lock (_swapLock)
        {
            _manager?.Dispose();
            _manager = null;
        }
    }

    public void Dispose() => Close();

    private SearcherManager NewManager(LuceneDirectory directory) => new(directory, new CommitSearcherFactory(embedder, snapshots));
}
