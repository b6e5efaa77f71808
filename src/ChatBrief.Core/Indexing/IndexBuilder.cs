using System.Diagnostics;
using System.Globalization;
using ChatBrief.Core.Analysis;
using ChatBrief.Core.Passages;
using ChatBrief.Core.Semantic;
using ChatBrief.Core.Sources;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ChatBrief.Core.Indexing;

/// <summary>
/// The writer: carries out a build plan in one Lucene commit (read, split, embed, write), or rolls everything back so
/// that the last commit keeps serving.
/// </summary>
internal sealed class IndexBuilder(ISourceReader reader, string sourcesPath, IPassageEmbedder? embedder, Analyzer analyzer, TimeProvider clock)
{
    // Passages are embedded this many at a time, so that the progress bar moves and a cancel is heard within seconds.
    private const int EmbeddingChunk = 64;

    /// <param name="previous">The commit being updated, whose unchanged passages keep their vectors; null for a full rebuild.</param>
    /// <param name="embedLater">Commit new passages without their vectors (an empty placeholder each), for <see cref="VectorBackfill"/>.</param>
    public BuildTally Build(LuceneDirectory directory, IndexBuildPlan plan, bool full, CommitSearcher? previous, bool embedLater, IProgress<IndexBuildProgress>? progress, CancellationToken cancellationToken)
    {
        IndexWriter writer;
        try
        {
            writer = new IndexWriter(directory, IndexConfiguration.CreateWriterConfig(analyzer, full ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND));
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
                var tally = Apply(writer, plan, previous, embedLater, progress, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new IndexBuildProgress(plan.Files.Count, plan.Files.Count, null));
                writer.SetCommitData(CommitData());
                writer.Commit();
                return tally;
            }
            catch
            {
                // Nothing of a failed build reaches the index: searches keep the last commit.
                writer.Rollback();
                throw;
            }
        }
    }

    private BuildTally Apply(IndexWriter writer, IndexBuildPlan plan, CommitSearcher? previous, bool embedLater, IProgress<IndexBuildProgress>? progress, CancellationToken cancellationToken)
    {
        var tally = new BuildTally();
        for (var i = 0; i < plan.Files.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (file, change) = plan.Files[i];
            var at = new IndexBuildProgress(i, plan.Files.Count, file.Source);
            progress?.Report(at);
            if (change == SourceChange.Unchanged)
            {
                tally.Unchanged++;
                continue;
            }

            var result = reader.Read(file);
            if (result.SkipReason is not null || !result.Documents.Any())
            {
                var why = result.SkipReason ?? "no text found";
                var wasIndexed = change == SourceChange.Changed;
                tally.Skipped.Add(new SkippedSource(file.Source, wasIndexed ? $"{why}; the previously indexed version is kept" : why));
                tally.Kept += wasIndexed ? 1 : 0;
                continue;
            }

            tally.Notes.AddRange(result.Notes.Select(note => new SourceNote(file.Source, note)));

            var reusable = change == SourceChange.Changed && previous is not null ? previous.VectorsOf(file.Source) : [];
            var embedding = new EmbeddingRun(reusable, embedLater, tally, at, progress, cancellationToken);
            if (embedder is not null && !embedLater)
            {
                // Read once more just to count, so that the progress says how many passages are left to embed.
                embedding.ToEmbed = result.Documents.SelectMany(PassageBuilder.Build).Count(p => !reusable.ContainsKey(EmbeddedText(p)));
            }

            writer.DeleteDocuments(IndexSchema.SourceTerm(file.Source));
            var written = Write(writer, result.Documents, embedding, cancellationToken);
            writer.AddDocument(IndexSchema.ToSourceDocument(file, written.Metadata!, written.Passages, written.Documents, written.Vocabulary.Build()));
            if (change == SourceChange.New)
            {
                tally.Added++;
            }
            else
            {
                tally.Updated++;
            }
        }

        foreach (var gone in plan.Removed)
        {
            writer.DeleteDocuments(IndexSchema.SourceTerm(gone));
            tally.Removed++;
        }

        if (tally.Added + tally.Updated + tally.Unchanged + tally.Kept == 0)
        {
            var first = tally.Skipped.FirstOrDefault();
            throw new SourcesUnavailableException(
                $"No source in '{sourcesPath}' could be indexed ({tally.Skipped.Count} skipped{(first is null ? "" : $"; first: {first.Path}: {first.Reason}")}).");
        }

        return tally;
    }

    private Dictionary<string, string> CommitData()
    {
        var data = new Dictionary<string, string>
        {
            [IndexSchema.CommitSchemaVersion] = IndexSchema.Version,
            [IndexSchema.CommitBuiltAt] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        if (embedder is not null)
        {
            data[IndexSchema.CommitEmbeddingModel] = embedder.ModelId;
        }

        return data;
    }

    /// <summary>
    /// Writes a source's passages in order. Reading and splitting run on a thread of their own, speakers, vocabulary and
    /// analysis on the thread pool a batch at a time, and this thread only embeds and hands documents to the writer,
    /// so that a build uses every core and holds a few batches in memory however large the source.
    /// </summary>
    private WrittenSource Write(IndexWriter writer, IEnumerable<SourceDocument> documents, EmbeddingRun embedding, CancellationToken cancellationToken)
    {
        var written = new WrittenSource();
        var passageDocuments = new PassageDocuments();
        var batches = Batches(documents, written);
        foreach (var batch in OrderedPipeline.Select(batches, Prepare, IndexConfiguration.PreparedBatchesInHand, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var vectors = Embed(batch.Passages, embedding);
            for (var p = 0; p < batch.Passages.Count; p++)
            {
                var (passage, speakers, analysis) = batch.Passages[p];
                writer.AddDocument(passageDocuments.Create(passage, speakers, analysis, vectors?[p]));
            }

            written.Vocabulary.Add(batch.Vocabulary);
            written.Passages += batch.Passages.Count;
        }

        return written;
    }

    /// <summary>The passages of the documents in batches; counts the documents and keeps the first one's metadata.</summary>
    private static IEnumerable<List<Passage>> Batches(IEnumerable<SourceDocument> documents, WrittenSource written)
    {
        var batch = new List<Passage>(IndexConfiguration.PassagesPerBatch);
        foreach (var document in documents)
        {
            written.Metadata ??= document.Metadata;
            written.Documents++;
            foreach (var passage in PassageBuilder.Build(document))
            {
                batch.Add(passage);
                if (batch.Count == IndexConfiguration.PassagesPerBatch)
                {
                    yield return batch;
                    batch = new List<Passage>(IndexConfiguration.PassagesPerBatch);
                }
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private PreparedBatch Prepare(List<Passage> passages)
    {
        var vocabulary = new SourceVocabularyLearner();
        var titles = new Dictionary<string, PreAnalyzedText>(StringComparer.Ordinal);
        var prepared = new List<PreparedPassage>(passages.Count);
        foreach (var passage in passages)
        {
            vocabulary.Add(passage);
            prepared.Add(new PreparedPassage(passage, SpeakerDetector.Detect(passage), PassageAnalysis.Of(passage, analyzer, titles)));
        }

        return new PreparedBatch(prepared, vocabulary);
    }

    /// <summary>
    /// A batch's vectors, in order: reused from the last commit where a passage's embedded text is unchanged (an edited
    /// file re-embeds only its edited paragraphs), computed otherwise, or left to embed later with an empty placeholder
    /// (doc-value updates need the field to exist). Null when the semantic layer is off.
    /// </summary>
    private byte[][]? Embed(IReadOnlyList<PreparedPassage> passages, EmbeddingRun run)
    {
        if (embedder is null)
        {
            return null;
        }

        var texts = passages.Select(p => EmbeddedText(p.Passage)).ToList();
        var vectors = texts.Select(text => run.Reusable.GetValueOrDefault(text)).ToArray();
        var missing = Enumerable.Range(0, texts.Count).Where(i => vectors[i] is null).ToList();
        if (run.Later)
        {
            missing.ForEach(i => vectors[i] = []);
            return vectors!;
        }

        var stopwatch = Stopwatch.StartNew();
        for (var start = 0; start < missing.Count; start += EmbeddingChunk)
        {
            run.Progress?.Report(run.At with { Embedded = run.Embedded, ToEmbed = run.ToEmbed });
            var chunk = missing.Skip(start).Take(EmbeddingChunk).ToList();
            var embedded = embedder.EmbedPassages(chunk.ConvertAll(i => texts[i]), run.CancellationToken);
            for (var j = 0; j < chunk.Count; j++)
            {
                vectors[chunk[j]] = QuantizedVector.Encode(embedded[j]);
            }

            run.Embedded += chunk.Count;
        }

        run.Tally.Embedded += missing.Count;
        run.Tally.EmbeddingTime += stopwatch.Elapsed;
        return vectors!;
    }

    private static string EmbeddedText(Passage passage) => EmbeddingText.ForPassage(passage.Metadata.Title, passage.Metadata.TitleFromText, passage.Text);

    /// <summary>A passage with what the preparing threads found: its speakers and its analysed fields.</summary>
    private sealed record PreparedPassage(Passage Passage, IReadOnlyCollection<string> Speakers, PassageAnalysis Analysis);

    private sealed record PreparedBatch(List<PreparedPassage> Passages, SourceVocabularyLearner Vocabulary);

    /// <summary>What was written of one source: its counts, the first document's metadata, and its vocabulary.</summary>
    private sealed class WrittenSource
    {
        public DocumentMetadata? Metadata { get; set; }

        public int Documents { get; set; }

        public int Passages { get; set; }

        public SourceVocabularyLearner Vocabulary { get; } = new();
    }

    /// <summary>The embedding of one source's passages, across its batches.</summary>
    private sealed class EmbeddingRun(IReadOnlyDictionary<string, byte[]> reusable, bool later, BuildTally tally, IndexBuildProgress at, IProgress<IndexBuildProgress>? progress, CancellationToken cancellationToken)
    {
        public IReadOnlyDictionary<string, byte[]> Reusable => reusable;

        public bool Later => later;

        public BuildTally Tally => tally;

        public IndexBuildProgress At => at;

        public IProgress<IndexBuildProgress>? Progress => progress;

        public CancellationToken CancellationToken => cancellationToken;

        public int ToEmbed { get; set; }

        public int Embedded { get; set; }
    }
}

/// <summary>What a build did to the sources, counted as it goes.</summary>
internal sealed class BuildTally
{
    public int Added { get; set; }

    public int Updated { get; set; }

    public int Removed { get; set; }

    public int Unchanged { get; set; }

    /// <summary>Changed files that could not be read again, whose last indexed version stays.</summary>
    public int Kept { get; set; }

    public List<SkippedSource> Skipped { get; } = [];

    public List<SourceNote> Notes { get; } = [];

    public int Embedded { get; set; }

    public TimeSpan EmbeddingTime { get; set; }
}
