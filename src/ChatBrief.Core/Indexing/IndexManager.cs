using System.Diagnostics;
using System.Globalization;
using ChatBrief.Core.Analysis;
using ChatBrief.Core.Passages;
using ChatBrief.Core.Search;
using ChatBrief.Core.Semantic;
using ChatBrief.Core.Sources;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ChatBrief.Core.Indexing;

/// <summary>
/// Owns the Lucene index folder: opens it for searching, builds or updates it from the sources, and swaps searchers
/// after a commit so that questions are answered throughout a rebuild. Only one rebuild runs at a time.
/// </summary>
public sealed class IndexManager : IIndexManager, IDisposable
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    // Passages are embedded this many at a time, so that the progress bar moves and a cancel is heard within seconds.
    private const int EmbeddingChunk = 64;

    private readonly ISourceReader _reader;
    private readonly ILogger<IndexManager> _logger;
    private readonly TimeProvider _clock;
    private readonly string _sourcesPath;
    private readonly string _indexPath;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly System.Threading.Lock _openLock = new();
    private LuceneDirectory? _directory;
    private SearcherManager? _searchers;
    private IndexSnapshot? _snapshot;
    private long _lastRefreshTicks;

    public IndexManager(ISourceReader reader, IOptions<SourcesOptions> sources, IOptions<IndexOptions> index, ILogger<IndexManager> logger, TimeProvider clock, IPassageEmbedder? embedder = null)
    {
        _reader = reader;
        Embedder = embedder;
        _logger = logger;
        _clock = clock;
        _sourcesPath = Path.GetFullPath(sources.Value.Path);
        _indexPath = Path.GetFullPath(index.Value.Path);
    }

    /// <summary>The analyzer the index was built with; questions must use the same one.</summary>
    public Analyzer Analyzer { get; } = IndexConfiguration.CreateAnalyzer();

    public string SourcesPath => _sourcesPath;

    /// <summary>The model passages are embedded with, or null when the semantic layer is off.</summary>
    public IPassageEmbedder? Embedder { get; }

    public IndexStatus GetStatus()
    {
        var snapshot = Volatile.Read(ref _snapshot);
        return snapshot is null
            ? new IndexStatus(false, 0, 0, null)
            : new IndexStatus(true, snapshot.Documents, snapshot.Passages, snapshot.BuiltAt)
            {
                SemanticModel = Embedder?.ModelId,
                PassagesWithVectors = snapshot.PassagesWithVectors,
            };
    }

    public IReadOnlyList<SourceSummary> ListSources() => Volatile.Read(ref _snapshot)?.Sources ?? [];

    /// <summary>
    /// Opens the index for searching. An index that is missing, unreadable or of an older schema is rebuilt from the
    /// sources first, and the report says why; null means the existing index was opened as it was.
    /// </summary>
    public async Task<IndexBuildReport?> EnsureReadyAsync(IProgress<IndexBuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (_searchers is not null)
        {
            return null;
        }

        var problem = TryOpenExisting();
        if (problem is null)
        {
            return null;
        }

        // A question that arrives while the first build runs is told the index is not ready, rather than left waiting.
        if (!await _writeLock.WaitAsync(0, cancellationToken))
        {
            throw new IndexNotReadyException();
        }

        try
        {
            if (_searchers is not null)
            {
                return null;
            }

            _logger.LogInformation("Building the index at {IndexPath}: {Reason}", _indexPath, problem);
            return await BuildLockedAsync(full: true, problem, progress, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<IndexBuildReport> RebuildAsync(bool full, IProgress<IndexBuildProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RebuildCoreAsync(full, full ? "a full rebuild was asked for" : null, progress, cancellationToken);

    /// <summary>Borrows the current searcher. Dispose the lease when done.</summary>
    /// <exception cref="IndexNotReadyException">The index has not been opened or built.</exception>
    public IndexLease Acquire()
    {
        var searchers = Volatile.Read(ref _searchers) ?? throw new IndexNotReadyException();
        RefreshIfAnotherProcessCommitted(searchers);
        var searcher = searchers.Acquire();
        return new IndexLease(searchers, searcher, Volatile.Read(ref _snapshot)!);
    }

    public void Dispose()
    {
        _searchers?.Dispose();
        _directory?.Dispose();
        _writeLock.Dispose();
    }

    private string? TryOpenExisting()
    {
        lock (_openLock)
        {
            if (_searchers is not null)
            {
                return null;
            }

            var directory = OpenDirectory();
            try
            {
                if (!DirectoryReader.IndexExists(directory))
                {
                    return "no index exists yet";
                }

                var searchers = new SearcherManager(directory, new PassageSearcherFactory(Embedder));
                var searcher = searchers.Acquire();
                string? problem;
                try
                {
                    problem = Unusable(((DirectoryReader)searcher.IndexReader).IndexCommit.UserData);
                    if (problem is null)
                    {
                        PublishSnapshot(searcher);
                    }
                }
                finally
                {
                    searchers.Release(searcher);
                }

                if (problem is not null)
                {
                    searchers.Dispose();
                    return problem;
                }

                Volatile.Write(ref _searchers, searchers);
                return null;
            }
            catch (Exception e) when (e is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or InvalidOperationException or FormatException)
            {
                _logger.LogWarning(e, "The index at {IndexPath} could not be read", _indexPath);
                return $"the index could not be read ({e.GetType().Name}: {e.Message})";
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

    private async Task<IndexBuildReport> RebuildCoreAsync(bool full, string? reason, IProgress<IndexBuildProgress>? progress, CancellationToken cancellationToken)
    {
        if (!await _writeLock.WaitAsync(0, cancellationToken))
        {
            throw new IndexBuildInProgressException();
        }

        try
        {
            if (!full && _searchers is null && TryOpenExisting() is { } problem)
            {
                full = true;
                reason = problem;
            }

            return await BuildLockedAsync(full, reason, progress, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Builds off the caller's thread; the caller holds the write lock.</summary>
    private async Task<IndexBuildReport> BuildLockedAsync(bool full, string? reason, IProgress<IndexBuildProgress>? progress, CancellationToken cancellationToken)
    {
        var report = await Task.Run(() => Build(full, reason, progress, cancellationToken), cancellationToken);
        _logger.LogInformation(
            "Index {Kind} in {Elapsed}: {Documents} documents, {Passages} passages; {Added} added, {Updated} updated, {Removed} removed, {Unchanged} unchanged, {Skipped} skipped",
            report.FullRebuild ? "rebuilt" : "updated", report.Elapsed, report.Documents, report.Passages, report.Added, report.Updated, report.Removed, report.Unchanged, report.Skipped.Count);
        return report;
    }

    private IndexBuildReport Build(bool full, string? reason, IProgress<IndexBuildProgress>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var files = _reader.Discover(_sourcesPath);
        var known = full ? new Dictionary<string, string>() : ReadIndexedHashes();
        var directory = OpenDirectory();
        var skipped = new List<SkippedSource>();
        int added = 0, updated = 0, unchanged = 0, kept = 0;
        var embedding = new EmbeddingTally();

        IndexWriter writer;
        try
        {
            writer = new IndexWriter(directory, IndexConfiguration.CreateWriterConfig(Analyzer, full ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND));
        }
        catch (LockObtainFailedException)
        {
            // Another process (a running `serve`, another `index`) holds the writer lock.
            throw new IndexBuildInProgressException();
        }

        using (writer)
        {
            try
            {
                for (var i = 0; i < files.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var file = files[i];
                    progress?.Report(new IndexBuildProgress(i, files.Count, file.Source));
                    var wasIndexed = known.TryGetValue(file.Source, out var indexedHash);
                    if (wasIndexed && indexedHash == file.ContentHash)
                    {
                        unchanged++;
                        continue;
                    }

                    var result = _reader.Read(file);
                    if (result.SkipReason is not null || result.Documents.Count == 0)
                    {
                        var why = result.SkipReason ?? "no text found";
                        skipped.Add(new SkippedSource(file.Source, wasIndexed ? $"{why}; the previously indexed version is kept" : why));
                        kept += wasIndexed ? 1 : 0;
                        continue;
                    }

                    foreach (var note in result.Notes)
                    {
                        _logger.LogInformation("{Source}: {Note}", file.Source, note);
                    }

                    var passages = result.Documents.SelectMany(PassageBuilder.Build).ToList();
                    var vectors = Embed(passages, wasIndexed ? IndexedVectors(file.Source) : [], embedding, new IndexBuildProgress(i, files.Count, file.Source), progress, cancellationToken);
                    writer.DeleteDocuments(IndexSchema.SourceTerm(file.Source));
                    for (var p = 0; p < passages.Count; p++)
                    {
                        writer.AddDocument(IndexSchema.ToDocument(passages[p], SpeakerDetector.Detect(passages[p]), vectors?[p]));
                    }

                    var vocabulary = SourceVocabulary.Learn(passages);
                    writer.AddDocument(IndexSchema.ToSourceDocument(file, result.Documents[0].Metadata, passages.Count, result.Documents.Count, vocabulary));
                    if (wasIndexed)
                    {
                        updated++;
                    }
                    else
                    {
                        added++;
                    }
                }

                var present = files.Select(f => f.Source).ToHashSet(StringComparer.Ordinal);
                var removed = 0;
                foreach (var gone in known.Keys.Where(source => !present.Contains(source)))
                {
                    writer.DeleteDocuments(IndexSchema.SourceTerm(gone));
                    removed++;
                }

                if (added + updated + unchanged + kept == 0)
                {
                    throw new SourcesUnavailableException(
                        $"No source in '{_sourcesPath}' could be indexed ({skipped.Count} skipped; first: {skipped.FirstOrDefault()?.Path}: {skipped.FirstOrDefault()?.Reason}).");
                }

                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new IndexBuildProgress(files.Count, files.Count, null));
                var commitData = new Dictionary<string, string>
                {
                    [IndexSchema.CommitSchemaVersion] = IndexSchema.Version,
                    [IndexSchema.CommitBuiltAt] = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
                };
                if (Embedder is not null)
                {
                    commitData[IndexSchema.CommitEmbeddingModel] = Embedder.ModelId;
                }

                writer.SetCommitData(commitData);
                writer.Commit();
                PublishCommit(directory);
                var snapshot = _snapshot!;
                return new IndexBuildReport(snapshot.Documents, snapshot.Passages, added, updated, removed, unchanged, skipped, full, reason, stopwatch.Elapsed)
                {
                    Embedded = embedding.Passages,
                    EmbeddingTime = embedding.Time,
                };
            }
            catch
            {
                // Nothing of a failed build reaches the index: searches keep the last commit.
                writer.Rollback();
                throw;
            }
        }
    }

    /// <summary>
    /// The passages' vectors, in order: reused from the last commit where a passage's embedded text is unchanged (an
    /// edited file re-embeds only its edited paragraphs), computed otherwise. Null when the semantic layer is off.
    /// </summary>
    private byte[][]? Embed(IReadOnlyList<Passage> passages, IReadOnlyDictionary<string, byte[]> indexed, EmbeddingTally tally, IndexBuildProgress at, IProgress<IndexBuildProgress>? progress, CancellationToken cancellationToken)
    {
        if (Embedder is null)
        {
            return null;
        }

        var texts = passages.Select(p => EmbeddingText.ForPassage(p.Metadata.Title, p.Metadata.TitleFromText, p.Text)).ToList();
        var vectors = texts.Select(text => indexed.GetValueOrDefault(text)).ToArray();
        var missing = Enumerable.Range(0, texts.Count).Where(i => vectors[i] is null).ToList();
        var stopwatch = Stopwatch.StartNew();
        for (var start = 0; start < missing.Count; start += EmbeddingChunk)
        {
            progress?.Report(at with { Embedded = start, ToEmbed = missing.Count });
            var chunk = missing.Skip(start).Take(EmbeddingChunk).ToList();
            var embedded = Embedder.EmbedPassages(chunk.ConvertAll(i => texts[i]), cancellationToken);
            for (var j = 0; j < chunk.Count; j++)
            {
                vectors[chunk[j]] = QuantizedVector.Encode(embedded[j]);
            }
        }

        tally.Add(missing.Count, stopwatch.Elapsed);
        return vectors!;
    }

    /// <summary>The last commit's vectors of one source's passages, by the text they were embedded from.</summary>
    private Dictionary<string, byte[]> IndexedVectors(string source)
    {
        var vectors = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (_searchers is null || Embedder is null)
        {
            return vectors;
        }

        var searcher = _searchers.Acquire();
        try
        {
            if (searcher is not PassageIndexSearcher { Vectors: { } indexed })
            {
                return vectors;
            }

            foreach (var hit in searcher.Search(new TermQuery(IndexSchema.SourceTerm(source)), Math.Max(1, searcher.IndexReader.MaxDoc)).ScoreDocs)
            {
                if (indexed.Encoded(hit.Doc) is { } bytes)
                {
                    var passage = IndexSchema.ToStoredPassage(searcher.Doc(hit.Doc));
                    vectors[EmbeddingText.ForPassage(passage.Metadata.Title, passage.Metadata.TitleFromText, passage.Text)] = bytes;
                }
            }
        }
        finally
        {
            _searchers.Release(searcher);
        }

        return vectors;
    }

    private sealed class EmbeddingTally
    {
        public int Passages { get; private set; }

        public TimeSpan Time { get; private set; }

        public void Add(int passages, TimeSpan time)
        {
            Passages += passages;
            Time += time;
        }
    }

    private Dictionary<string, string> ReadIndexedHashes()
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_searchers is null)
        {
            return hashes;
        }

        var searcher = _searchers.Acquire();
        try
        {
            foreach (var document in SourceDocuments(searcher))
            {
                hashes[document.Get(IndexSchema.Source)] = document.Get(IndexSchema.Hash);
            }
        }
        finally
        {
            _searchers.Release(searcher);
        }

        return hashes;
    }

    private void PublishCommit(LuceneDirectory directory)
    {
        lock (_openLock)
        {
            if (_searchers is null)
            {
                Volatile.Write(ref _searchers, new SearcherManager(directory, new PassageSearcherFactory(Embedder)));
            }
            else
            {
                _searchers.MaybeRefreshBlocking();
            }

            PublishSnapshot(_searchers);
        }
    }

    private void RefreshIfAnotherProcessCommitted(SearcherManager searchers)
    {
        var now = _clock.GetTimestamp();
        var last = Interlocked.Read(ref _lastRefreshTicks);
        if (_clock.GetElapsedTime(last, now) < RefreshInterval || Interlocked.CompareExchange(ref _lastRefreshTicks, now, last) != last)
        {
            return;
        }

        lock (_openLock)
        {
            if (searchers.MaybeRefresh())
            {
                PublishSnapshot(searchers);
            }
        }
    }

    private void PublishSnapshot(SearcherManager searchers)
    {
        var searcher = searchers.Acquire();
        try
        {
            PublishSnapshot(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private void PublishSnapshot(IndexSearcher searcher)
    {
        var sources = new List<SourceSummary>();
        var vocabularies = new List<SourceVocabulary>();
        var documents = 0;
        foreach (var document in SourceDocuments(searcher))
        {
            vocabularies.Add(SourceVocabulary.Deserialize(document.Get(IndexSchema.Vocabulary)));
            sources.Add(new SourceSummary(
                document.Get(IndexSchema.Source),
                document.Get(IndexSchema.Title),
                document.Get(IndexSchema.Author) is { Length: > 0 } author ? author : null,
                document.GetField(IndexSchema.PassageCount).GetInt32Value() ?? 0));
            documents += document.GetField(IndexSchema.DocumentCount).GetInt32Value() ?? 1;
        }

        sources.Sort((a, b) => string.CompareOrdinal(a.Source, b.Source));
        var userData = ((DirectoryReader)searcher.IndexReader).IndexCommit.UserData;
        DateTimeOffset? builtAt = userData.TryGetValue(IndexSchema.CommitBuiltAt, out var stamp)
            && DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : null;
        var passages = sources.Sum(s => s.Passages);
        var aliases = AliasLearner.Build(vocabularies, Path.Combine(_sourcesPath, AliasLearner.AliasesFileName), Analyzer, term => searcher.IndexReader.DocFreq(new Term(IndexSchema.Text, term)) > 0);
        var suggestions = new SuggestionList(sources.Select(s => s.Title)
            .Concat(vocabularies.SelectMany(v => v.Names).GroupBy(n => n.Key).OrderByDescending(g => g.Sum(n => n.Value)).Select(g => g.Key))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList());
        Volatile.Write(ref _snapshot, new IndexSnapshot(sources, documents, passages, builtAt, aliases, suggestions, new PassageTermCache(Analyzer))
        {
            PassagesWithVectors = (searcher as PassageIndexSearcher)?.Vectors?.Count ?? 0,
        });
    }

    private static IEnumerable<Lucene.Net.Documents.Document> SourceDocuments(IndexSearcher searcher)
    {
        var query = new TermQuery(new Term(IndexSchema.Kind, IndexSchema.SourceKind));
        var hits = searcher.Search(query, Math.Max(1, searcher.IndexReader.MaxDoc));
        foreach (var hit in hits.ScoreDocs)
        {
            yield return searcher.Doc(hit.Doc);
        }
    }

    private LuceneDirectory OpenDirectory()
    {
        if (_directory is null)
        {
            System.IO.Directory.CreateDirectory(_indexPath);
            _directory = FSDirectory.Open(_indexPath);
        }

        return _directory;
    }

    /// <summary>
    /// Searchers use the same similarity the writer scored with, and carry their commit's passage vectors: derived state
    /// that travels with its searcher can never be read against another commit.
    /// </summary>
    private sealed class PassageSearcherFactory(IPassageEmbedder? embedder) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) =>
            new PassageIndexSearcher(reader, embedder is null ? null : PassageVectors.Load(reader, IndexSchema.Vector, embedder.Dimensions))
            {
                Similarity = IndexConfiguration.CreateSimilarity(),
            };
    }
}
