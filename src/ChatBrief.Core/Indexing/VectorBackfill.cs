using ChatBrief.Core.Semantic;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ChatBrief.Core.Indexing;

/// <summary>
/// Embeds the passages of the published commit that have no vector yet, and writes their vectors as doc-value updates of
/// the same documents: a commit's vectors still belong to its passages, and questions are answered from the lexical
/// index meanwhile. Commits now and then, so that a restart resumes rather than starts over.
/// </summary>
internal sealed class VectorBackfill(IPassageEmbedder embedder, Analyzer analyzer, TimeProvider clock)
{
    // A chunk is embedded between two looks at the cancellation token: a reindex that asks for the writer waits seconds at most.
    private const int Chunk = 64;

    // Each commit rewrites the vector column of every segment it touched, so commits are spaced out.
    private static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(30);

    /// <summary>Embeds what is missing until done or cancelled; what was embedded before a cancel is committed and kept.</summary>
    /// <returns>Passages embedded.</returns>
    public int Run(LuceneDirectory directory, IndexSearchers searchers, IProgress<IndexBuildProgress>? progress, CancellationToken cancellationToken)
    {
        using var lease = searchers.Acquire();
        var pending = Pending(lease.Searcher);
        if (pending.Count == 0)
        {
            return 0;
        }

        using var writer = new IndexWriter(directory, IndexConfiguration.CreateWriterConfig(analyzer, OpenMode.APPEND));
        var done = 0;
        var committed = 0;
        var lastCommit = clock.GetTimestamp();
        try
        {
            while (done < pending.Count && !cancellationToken.IsCancellationRequested)
            {
                progress?.Report(new IndexBuildProgress(0, 0, null) { Embedded = done, ToEmbed = pending.Count });
                var chunk = pending.Skip(done).Take(Chunk).Select(doc => IndexSchema.ToStoredPassage(lease.Searcher.Doc(doc))).ToList();
                var vectors = embedder.EmbedPassages(chunk.ConvertAll(p => EmbeddingText.ForPassage(p.Metadata.Title, p.Metadata.TitleFromText, p.Text)), cancellationToken);
                for (var i = 0; i < chunk.Count; i++)
                {
                    writer.UpdateBinaryDocValue(new Term(IndexSchema.Id, chunk[i].Id), IndexSchema.Vector, new BytesRef(QuantizedVector.Encode(vectors[i])));
                }

                done += chunk.Count;
                if (clock.GetElapsedTime(lastCommit) >= CommitInterval)
                {
                    Commit(writer, directory, searchers);
                    (committed, lastCommit) = (done, clock.GetTimestamp());
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The chunk being embedded is dropped; those before it are committed below.
        }
        finally
        {
            if (done > committed)
            {
                Commit(writer, directory, searchers);
            }
        }

        return done;
    }

    /// <summary>The passages of the commit without a vector (written with an empty placeholder while they wait).</summary>
    public static List<int> Pending(CommitSearcher searcher)
    {
        var passages = searcher.Search(new TermQuery(new Term(IndexSchema.Kind, IndexSchema.PassageKind)), Math.Max(1, searcher.IndexReader.MaxDoc));
        return passages.ScoreDocs.Select(hit => hit.Doc).Where(doc => searcher.Vectors?.Encoded(doc) is null).Order().ToList();
    }

    private static void Commit(IndexWriter writer, LuceneDirectory directory, IndexSearchers searchers)
    {
        // The commit keeps the user data (schema, model, build time) of the commit it updates.
        writer.Commit();
        searchers.PublishCommitted(directory);
    }
}
