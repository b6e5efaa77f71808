using ChatBrief.Core.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;

namespace ChatBrief.Core.Indexing;

/// <summary>Every deliberate departure from Lucene's defaults, in one place, for the writer and the searcher alike.</summary>
internal static class IndexConfiguration
{
    // BM25 instead of Lucene 4.8's default TF-IDF: it saturates term frequency and normalises length, which suits paragraphs.
    // Lucene's k1 and b: other values moved SQuAD hit@1 by under half a point, so the well-known defaults stay.
    public static Similarity CreateSimilarity() => new BM25Similarity(k1: 1.2f, b: 0.75f);

    // One analyzer for text, titles and bylines, so that a question's words meet every field the same way.
    public static Analyzer CreateAnalyzer() => new ChatBriefAnalyzer();

    public static IndexWriterConfig CreateWriterConfig(Analyzer analyzer, OpenMode mode) => new(ChatBriefAnalyzer.Version, analyzer)
    {
        Similarity = CreateSimilarity(),
        OpenMode = mode,
        // A bigger buffer than the 16 MB default: a million-passage corpus flushes fewer, larger segments.
        RAMBufferSizeMB = 128,
    };

    // Passages are prepared (speakers, vocabulary, analysis) this many at a time on the thread pool, and at most this many
    // batches are in hand at once: enough to keep every core busy, few enough that memory stays flat at any corpus size.
    public const int PassagesPerBatch = 256;

    public static int PreparedBatchesInHand => 2 * Environment.ProcessorCount;
}
