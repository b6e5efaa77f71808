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
            if (result.SkipReason is not null || result.Documents.Count == 0)
            {
                var why = result.SkipReason ?? "no text found";
                var wasIndexed = change == SourceChange.Changed;
                tally.Skipped.Add(new SkippedSource(file.Source, wasIndexed ? $"{why}; the previously indexed version is kept" : why));
                tally.Kept += wasIndexed ? 1 : 0;
                continue;
            }

            tally.Notes.AddRange(result.Notes.Select(note => new SourceNote(file.Source, note)));

            var passages = result.Documents.SelectMany(PassageBuilder.Build).ToList();
            var reusable = change == SourceChange.Changed && previous is not null ? previous.VectorsOf(file.Source) : [];
            var vectors = Embed(passages, reusable, embedLater, tally, at, progress, cancellationToken);
            writer.DeleteDocuments(IndexSchema.SourceTerm(file.Source));
            for (var p = 0; p < passages.Count; p++)
            {
                writer.AddDocument(IndexSchema.ToDocument(passages[p], SpeakerDetector.Detect(passages[p]), vectors?[p]));
            }

            writer.AddDocument(IndexSchema.ToSourceDocument(file, result.Documents[0].Metadata, passages.Count, result.Documents.Count, SourceVocabulary.Learn(passages)));
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
    /// The passages' vectors, in order: reused from the last commit where a passage's embedded text is unchanged (an
    /// edited file re-embeds only its edited paragraphs), computed otherwise, or left to embed later with an empty
    /// placeholder (doc-value updates need the field to exist). Null when the semantic layer is off.
    /// </summary>
    private byte[][]? Embed(IReadOnlyList<Passage> passages, IReadOnlyDictionary<string, byte[]> reusable, bool embedLater, BuildTally tally, IndexBuildProgress at, IProgress<IndexBuildProgress>? progress, CancellationToken cancellationToken)
    {
        if (embedder is null)
        {
            return null;
        }

        var texts = passages.Select(p => EmbeddingText.ForPassage(p.Metadata.Title, p.Metadata.TitleFromText, p.Text)).ToList();
        var vectors = texts.Select(text => reusable.GetValueOrDefault(text)).ToArray();
        var missing = Enumerable.Range(0, texts.Count).Where(i => vectors[i] is null).ToList();
        if (embedLater)
        {
            missing.ForEach(i => vectors[i] = []);
            return vectors!;
        }

        var stopwatch = Stopwatch.StartNew();
        for (var start = 0; start < missing.Count; start += EmbeddingChunk)
        {
            progress?.Report(at with { Embedded = start, ToEmbed = missing.Count });
            var chunk = missing.Skip(start).Take(EmbeddingChunk).ToList();
            var embedded = embedder.EmbedPassages(chunk.ConvertAll(i => texts[i]), cancellationToken);
            for (var j = 0; j < chunk.Count; j++)
            {
                vectors[chunk[j]] = QuantizedVector.Encode(embedded[j]);
            }
        }

        tally.Embedded += missing.Count;
        tally.EmbeddingTime += stopwatch.Elapsed;
        return vectors!;
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
