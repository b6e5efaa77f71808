using ChatBrief.Core.Analysis;
using ChatBrief.Core.Semantic;
using ChatBrief.Core.Sources;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Indexing;

/// <summary>
/// Coordinates the index: opens it for searching (rebuilding it from the sources when it is missing, outdated or
/// broken), runs one build at a time, and lends searchers to questions throughout. The work itself is done by the build
/// plan, the writer (<see cref="IndexBuilder"/>), the searcher lifecycle (<see cref="IndexSearchers"/>) and the folder.
/// </summary>
public sealed class IndexManager : IIndexManager, IDisposable
{
    private readonly ISourceReader _reader;
    private readonly ILogger<IndexManager> _logger;
    private readonly IndexFolder _folder;
    private readonly IndexSearchers _searchers;
    private readonly IndexBuilder _builder;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly System.Threading.Lock _openLock = new();
    private readonly VectorBackfill? _backfill;
    private readonly System.Threading.Lock _backfillLock = new();
    private IndexBuildProgress? _building;
    private bool _embedLater;
    private int _disposed;
    private Task _backfilling = Task.CompletedTask;
    private CancellationTokenSource _backfillCancel = new();

    public IndexManager(ISourceReader reader, IOptions<SourcesOptions> sources, IOptions<IndexOptions> index, ILogger<IndexManager> logger, TimeProvider clock, IPassageEmbedder? embedder = null)
    {
        _reader = reader;
        Embedder = embedder;
        _logger = logger;
        SourcesPath = Path.GetFullPath(sources.Value.Path);
        _folder = new IndexFolder(index.Value.Path, logger);
        _searchers = new IndexSearchers(embedder, new IndexSnapshotReader(Analyzer, Path.Combine(SourcesPath, AliasLearner.AliasesFileName)));
        _builder = new IndexBuilder(reader, SourcesPath, embedder, Analyzer, clock);
        _backfill = embedder is null ? null : new VectorBackfill(embedder, Analyzer, clock);
    }

    /// <summary>The analyzer the index was built with; questions must use the same one.</summary>
    public Analyzer Analyzer { get; } = IndexConfiguration.CreateAnalyzer();

    public string SourcesPath { get; }

    /// <summary>The index folder (full path).</summary>
    public string IndexPath => _folder.Path;

    /// <summary>The model passages are embedded with, or null when the semantic layer is off.</summary>
    public IPassageEmbedder? Embedder { get; }

    public IndexStatus GetStatus() => _searchers.Read(
        searcher => new IndexStatus(true, searcher.Snapshot.Documents, searcher.Snapshot.Passages, searcher.Snapshot.BuiltAt)
        {
            SemanticModel = Embedder?.ModelId,
            PassagesWithVectors = searcher.Snapshot.PassagesWithVectors,
            BuildProgress = Volatile.Read(ref _building),
        },
        new IndexStatus(false, 0, 0, null) { BuildProgress = Volatile.Read(ref _building) });

    public IReadOnlyList<SourceSummary> ListSources() => _searchers.Read(searcher => searcher.Snapshot.Sources, []);

    /// <summary>
    /// Opens the index for searching. An index that is missing, unreadable or of an older schema is rebuilt from the
    /// sources first (a broken one is moved aside), and the report says why; null means the existing index was opened as it was.
    /// </summary>
    public async Task<IndexBuildReport?> EnsureReadyAsync(IProgress<IndexBuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (_searchers.IsOpen)
        {
            return null;
        }

        if (TryOpenExisting() is not { } problem)
        {
            // A host stopped while it embedded resumes where it stopped.
            StartBackfillIfPending();
            return null;
        }

        // A question that arrives while the first build runs is told the index is not ready, rather than left waiting.
        if (!await _writeLock.WaitAsync(0, cancellationToken))
        {
            throw new IndexNotReadyException();
        }

        try
        {
            if (_searchers.IsOpen)
            {
                return null;
            }

            _logger.LogInformation("Building the index at {IndexPath}: {Reason}", _folder.Path, problem.Reason);
            return await BuildLockedAsync(full: true, problem, progress, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
            StartBackfillIfPending();
        }
    }

    public async Task<IndexBuildReport> RebuildAsync(bool full, IProgress<IndexBuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        // Embedding in the background gives way to a reindex, which starts it again when done.
        await StopBackfillAsync();
        if (!await _writeLock.WaitAsync(0, cancellationToken))
        {
            throw new IndexBuildInProgressException(Volatile.Read(ref _building));
        }

        try
        {
            var problem = full ? new OpenProblem("a full rebuild was asked for", Broken: false) : null;
            if (!_searchers.IsOpen && TryOpenExisting() is { } unopened)
            {
                (full, problem) = (true, unopened);
            }

            return await BuildLockedAsync(full, problem, progress, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
            StartBackfillIfPending();
        }
    }

    /// <summary>
    /// For a long-running host: a build commits new passages without their vectors, so that they can be found by their
    /// words at once, and embeds them in the background (embedding is the dominant cost of a build). One-shot commands
    /// embed before they commit.
    /// </summary>
    public void EmbedNewPassagesInBackground() => _embedLater = true;

    /// <summary>The background embedding under way, or a completed task.</summary>
    internal Task BackgroundEmbedding
    {
        get
        {
            lock (_backfillLock)
            {
                return _backfilling;
            }
        }
    }

    /// <summary>Borrows the current searcher, which carries its own commit's snapshot. Dispose the lease when done.</summary>
    /// <exception cref="IndexNotReadyException">The index has not been opened or built.</exception>
    public IndexLease Acquire() => _searchers.Acquire();

    /// <summary>Publishes a commit that another process (an `index` run beside `serve`) wrote; the background refresher calls it.</summary>
    public void RefreshIfChanged()
    {
        if (_searchers.RefreshIfChanged())
        {
            _logger.LogInformation("Serving a new commit of the index: {Passages} passages", GetStatus().Passages);
        }
    }

    public Task RefreshAliasesAsync(CancellationToken cancellationToken = default) => Task.Run(
        () =>
        {
            if (_searchers.RefreshAliases())
            {
                _logger.LogInformation("Aliases re-read from {AliasesFile}", Path.Combine(SourcesPath, AliasLearner.AliasesFileName));
            }
        },
        cancellationToken);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        StopBackfillAsync().GetAwaiter().GetResult();
        _backfillCancel.Dispose();
        _searchers.Dispose();
        _folder.Dispose();
        _writeLock.Dispose();
    }

    /// <summary>Opens the last commit, or says why it cannot serve (and whether it is broken rather than outdated).</summary>
    private OpenProblem? TryOpenExisting()
    {
        lock (_openLock)
        {
            if (_searchers.IsOpen)
            {
                return null;
            }

            var directory = _folder.Open();
            try
            {
                if (!DirectoryReader.IndexExists(directory))
                {
                    return new OpenProblem("no index exists yet", Broken: false);
                }

                var commit = new SegmentInfos();
                commit.Read(directory);
                if (Unusable(commit.UserData) is { } outdated)
                {
                    return new OpenProblem(outdated, Broken: false);
                }

                _searchers.Open(directory);
                return null;
            }
            catch (UnauthorizedAccessException e)
            {
                throw new IndexFolderException($"ChatBrief may not read the index folder '{_folder.Path}': {IndexFolder.Cause(e)}.", e);
            }
            catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
            {
                // Lucene reports damage in many shapes (checksum, end of file, bad header, out-of-range slices, missing
                // files); the details are for whoever looks into why.
                _logger.LogWarning(e, "The index at {IndexPath} could not be read", _folder.Path);
                return new OpenProblem($"the index could not be read ({e.Message})", Broken: true);
            }
        }
    }

    /// <summary>Why a commit cannot serve this version (another schema, or vectors of another model or none), or null.</summary>
    private string? Unusable(IDictionary<string, string> commit)
    {
        var version = commit.TryGetValue(IndexSchema.CommitSchemaVersion, out var stored) ? stored : null;
        if (version != IndexSchema.Version)
        {
            return $"the index was built by schema version {version ?? "unknown"}, this version reads {IndexSchema.Version}";
        }

        var model = commit.TryGetValue(IndexSchema.CommitEmbeddingModel, out var embedded) ? embedded : null;
        if (Embedder is not null && model != Embedder.ModelId)
        {
            return model is null
                ? "the index has no passage vectors yet (it was built with Search:Semantic off)"
                : $"the index's passage vectors come from {model}, this version uses {Embedder.ModelId}";
        }

        return null;
    }

    /// <summary>Builds off the caller's thread; the caller holds the write lock.</summary>
    private async Task<IndexBuildReport> BuildLockedAsync(bool full, OpenProblem? problem, IProgress<IndexBuildProgress>? progress, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _building, new IndexBuildProgress(0, 0, null));
        var reported = new BuildProgressRecorder(this, progress);
        try
        {
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            if (problem is { Broken: true })
            {
                _folder.MoveAside(problem.Reason);
            }

            var directory = _folder.Open();
            _folder.EnsureWritable();
            using var previous = full ? null : _searchers.Acquire();
            var plan = IndexBuildPlan.Create(_reader.Discover(SourcesPath), previous?.Searcher.SourceHashes() ?? []);
            var embedLater = _embedLater && _backfill is not null;
            var tally = await Task.Run(() => _builder.Build(directory, plan, full, previous?.Searcher, embedLater, reported, cancellationToken), cancellationToken);
            _searchers.PublishCommitted(directory);
            if (!embedLater && _backfill is not null)
            {
                // Passages a host left unembedded when it stopped are embedded now, by the one-shot command that waits.
                var started = System.Diagnostics.Stopwatch.StartNew();
                tally.Embedded += await Task.Run(() => _backfill.Run(directory, _searchers, reported, cancellationToken), cancellationToken);
                tally.EmbeddingTime += started.Elapsed;
                cancellationToken.ThrowIfCancellationRequested();
            }

            var status = GetStatus();
            var report = new IndexBuildReport(status.Documents, status.Passages, tally.Added, tally.Updated, tally.Removed, tally.Unchanged, tally.Skipped, full, problem?.Reason, stopwatch.Elapsed)
            {
                Notes = tally.Notes,
                Embedded = tally.Embedded,
                EmbeddingTime = tally.EmbeddingTime,
                EmbeddingLater = embedLater ? status.Passages - status.PassagesWithVectors : 0,
            };
            _logger.LogInformation(
                "Index {Kind} in {Elapsed}: {Documents} documents, {Passages} passages; {Added} added, {Updated} updated, {Removed} removed, {Unchanged} unchanged, {Skipped} skipped",
                full ? "rebuilt" : "updated", report.Elapsed, report.Documents, report.Passages, report.Added, report.Updated, report.Removed, report.Unchanged, report.Skipped.Count);
            return report;
        }
        catch (IOException e) when (IndexFolder.IsDiskFull(e))
        {
            throw new IndexFolderException($"The index at '{_folder.Path}' could not be written: the disk is full. The last good index keeps serving.", e);
        }
        finally
        {
            Volatile.Write(ref _building, null);
        }
    }

    private void StartBackfillIfPending()
    {
        if (!_embedLater || _backfill is null || GetStatus() is not { IsReady: true } status || status.PassagesWithVectors >= status.Passages)
        {
            return;
        }

        lock (_backfillLock)
        {
            if (_backfilling.IsCompleted)
            {
                _backfillCancel.Dispose();
                _backfillCancel = new CancellationTokenSource();
                var cancel = _backfillCancel.Token;
                _backfilling = Task.Run(() => BackfillAsync(cancel));
            }
        }
    }

    private async Task BackfillAsync(CancellationToken cancellationToken)
    {
        if (!await _writeLock.WaitAsync(0, CancellationToken.None))
        {
            return; // a build runs, and starts the backfill again when it ends
        }

        Volatile.Write(ref _building, new IndexBuildProgress(0, 0, null));
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var embedded = _backfill!.Run(_folder.Open(), _searchers, new BuildProgressRecorder(this, null), cancellationToken);
            var status = GetStatus();
            _logger.LogInformation("Embedded {Passages} passages in the background in {Elapsed}; {WithVectors} of {Total} passages can be found by meaning",
                embedded, started.Elapsed, status.PassagesWithVectors, status.Passages);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The passages keep being found by their words; the next reindex or restart tries again.
            _logger.LogWarning(e, "Embedding passages in the background failed");
        }
        finally
        {
            Volatile.Write(ref _building, null);
            _writeLock.Release();
        }
    }

    private async Task StopBackfillAsync()
    {
        Task running;
        lock (_backfillLock)
        {
            _backfillCancel.Cancel();
            running = _backfilling;
        }

        await running;
    }

    /// <summary>Keeps the latest progress for whoever asks while the build runs, and passes it on to the caller.</summary>
    private sealed class BuildProgressRecorder(IndexManager manager, IProgress<IndexBuildProgress>? inner) : IProgress<IndexBuildProgress>
    {
        public void Report(IndexBuildProgress value)
        {
            Volatile.Write(ref manager._building, value);
            inner?.Report(value);
        }
    }

    private sealed record OpenProblem(string Reason, bool Broken);
}
