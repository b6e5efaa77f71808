using ChatBrief.Core.Indexing;
using ChatBrief.Core.Semantic;
using Lucene.Net.Analysis;

namespace ChatBrief.Core.Search;

/// <summary>
/// Turns a question into candidates: Lucene's BM25 best, plus the passages nearest the question in meaning when the
/// commit has passage vectors, each with the evidence the ranking model reads.
/// </summary>
public sealed class CandidateCollector(Analyzer analyzer, IPassageEmbedder? embedder = null)
{
    // Enough candidates for the reranker to lift a passage BM25 placed low, few enough to stay cheap.
    private const int Candidates = 40;

    // Nearest passages by meaning added to BM25's: they bring in paraphrases that share no word with the question.
    private const int DenseCandidates = 20;

    private readonly QuestionParser _parser = new(analyzer);
    private readonly StoredPassageCache _stored = new();

    public async Task<(ParsedQuestion Question, IReadOnlyList<CandidateEvidence> Candidates)> CollectAsync(IndexLease index, string question, int maxQuestionLength, int wanted = Candidates)
    {
        // The embedding reads only the question's text, so it runs on another core while the question is parsed and
        // searched: a lone question then waits for the longer of the two instead of both.
        var vectors = index.Searcher.Vectors;
        var embedding = embedder is null || vectors is null
            ? null
            : Task.Run(() => new QuestionVector(embedder.EmbedQuestion(QuestionParser.Searched(question, maxQuestionLength).Text)));
        var parsed = _parser.Parse(question, maxQuestionLength, index.Searcher, index.Snapshot.Aliases);
        if (parsed.Terms.Count == 0)
        {
            return (parsed, []);
        }

        var query = QueryBuilder.Build(parsed);
        var hits = index.Searcher.Search(query, Math.Max(Candidates, wanted)).ScoreDocs.Select(hit => (hit.Doc, hit.Score)).ToList();
        if (embedding is null)
        {
            return (parsed, RankingFeatures.Collect(parsed, hits.ConvertAll(hit => new Candidate(_stored.Get(index.Searcher, hit.Doc), hit.Score)), index.Snapshot.PassageTerms));
        }

        var meaning = await embedding;
        var found = hits.Select(hit => hit.Doc).ToHashSet();
        hits.AddRange(vectors!.Nearest(meaning, DenseCandidates).Where(near => !found.Contains(near.Document)).Select(near => (near.Document, 0f)));
        var candidates = hits.ConvertAll(hit =>
        {
            var passage = _stored.Get(index.Searcher, hit.Doc);
            var cosine = vectors.Cosine(meaning, hit.Doc);
            return new Candidate(passage, hit.Item2, cosine is { } c ? new SemanticMatch(c, ContextCosine(index, vectors, meaning, hit.Doc, passage)) : null);
        });
        return (parsed, RankingFeatures.Collect(parsed, candidates, index.Snapshot.PassageTerms));
    }

    /// <summary>
    /// The better cosine of the passage before and after, in the same source: an answer often continues a paragraph that
    /// sets the scene or names the speaker ("he said" refers back). Neighbours are adjacent document numbers, since a
    /// source's passages are added together and merges keep their order.
    /// </summary>
    private float ContextCosine(IndexLease index, PassageVectors vectors, QuestionVector meaning, int document, StoredPassage passage)
    {
        var best = 0f;
        foreach (var neighbour in (ReadOnlySpan<int>)[document - 1, document + 1])
        {
            if (neighbour >= 0 && vectors.Cosine(meaning, neighbour) is { } cosine && cosine > best && _stored.Get(index.Searcher, neighbour).Source == passage.Source)
            {
                best = cosine;
            }
        }

        return best;
    }
}
