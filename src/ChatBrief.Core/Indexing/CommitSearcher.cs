using ChatBrief.Core.Analysis;
using ChatBrief.Core.Semantic;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ChatBrief.Core.Indexing;

/// <summary>
/// A searcher of one commit, carrying everything derived from that commit: its passage vectors and its snapshot (sources,
/// aliases, analysed passages). Derived state that travels with its searcher can never be read against another commit.
/// </summary>
public sealed class CommitSearcher : IndexSearcher
{
    internal CommitSearcher(IndexReader reader, PassageVectors? vectors, Func<IndexSearcher, IndexSnapshot> snapshot)
        : base(reader)
    {
        Similarity = IndexConfiguration.CreateSimilarity();
        Vectors = vectors;
        Snapshot = snapshot(this) with { PassagesWithVectors = vectors?.Count ?? 0 };
    }

    /// <summary>This commit's passage vectors, or null when the semantic layer is off.</summary>
    public PassageVectors? Vectors { get; }

    public IndexSnapshot Snapshot { get => Volatile.Read(ref _snapshot); private set => Volatile.Write(ref _snapshot, value); }

    private IndexSnapshot _snapshot = null!;

    /// <summary>
    /// Swaps in aliases re-derived from this same commit after the moderators' aliases file changed: the rest of the
    /// snapshot is untouched, so a question still reads one commit's state whichever table it sees.
    /// </summary>
    internal void ReplaceAliases(AliasTable aliases) => Snapshot = Snapshot with { Aliases = aliases };

    /// <summary>What the commit says about itself: schema version, build time, embedding model.</summary>
    public IDictionary<string, string> CommitData => ((DirectoryReader)IndexReader).IndexCommit.UserData;

    /// <summary>The indexed content hash of every source, to tell which files changed since this commit.</summary>
    public Dictionary<string, string> SourceHashes()
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in SourceDocuments(this))
        {
            hashes[document.Get(IndexSchema.Source)] = document.Get(IndexSchema.Hash);
        }

        return hashes;
    }

    /// <summary>One source's passage vectors in this commit, by the text they were embedded from.</summary>
    public Dictionary<string, byte[]> VectorsOf(string source)
    {
        var vectors = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (Vectors is null)
        {
            return vectors;
        }

        foreach (var hit in Search(new TermQuery(IndexSchema.SourceTerm(source)), Math.Max(1, IndexReader.MaxDoc)).ScoreDocs)
        {
            if (Vectors.Encoded(hit.Doc) is { } bytes)
            {
                var passage = IndexSchema.ToStoredPassage(Doc(hit.Doc));
                vectors[EmbeddingText.ForPassage(passage.Metadata.Title, passage.Metadata.TitleFromText, passage.Text)] = bytes;
            }
        }

        return vectors;
    }

    /// <summary>The one document per source file that describes it (title, hash, vocabulary).</summary>
    internal static IEnumerable<Lucene.Net.Documents.Document> SourceDocuments(IndexSearcher searcher)
    {
        var hits = searcher.Search(new TermQuery(new Term(IndexSchema.Kind, IndexSchema.SourceKind)), Math.Max(1, searcher.IndexReader.MaxDoc));
        foreach (var hit in hits.ScoreDocs)
        {
            yield return searcher.Doc(hit.Doc);
        }
    }
}

/// <summary>Lucene's hook for what a new searcher carries: every refresh derives its commit's state here, once.</summary>
internal sealed class CommitSearcherFactory(IPassageEmbedder? embedder, IndexSnapshotReader snapshots) : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader) =>
        new CommitSearcher(reader, embedder is null ? null : PassageVectors.Load(reader, IndexSchema.Vector, embedder.Dimensions), snapshots.Read);
}
