using ChatBrief.Core.Indexing;
using Lucene.Net.Analysis;

namespace ChatBrief.Core.Search;

/// <summary>Turns a question into Lucene's BM25 candidates, each with the evidence the ranking model reads.</summary>
public sealed class CandidateCollector(Analyzer analyzer)
{
    // Enough candidates for the reranker to lift a passage BM25 placed low, few enough to stay cheap.
    private const int Candidates = 40;

    private readonly QuestionParser _parser = new(analyzer);
    private readonly StoredPassageCache _stored = new();

    public (ParsedQuestion Question, IReadOnlyList<CandidateEvidence> Candidates) Collect(IndexLease index, string question, int maxQuestionLength, int wanted = Candidates)
    {
        var parsed = _parser.Parse(question, maxQuestionLength, index.Searcher, index.Snapshot.Aliases);
        if (parsed.Terms.Count == 0)
        {
            return (parsed, []);
        }

        var query = QueryBuilder.Build(parsed);
        var hits = index.Searcher.Search(query, Math.Max(Candidates, wanted)).ScoreDocs;
        var candidates = hits
            .Select(hit => (_stored.Get(index.Searcher, hit.Doc), hit.Score))
            .ToList();
        return (parsed, RankingFeatures.Collect(parsed, candidates, index.Snapshot.PassageTerms));
    }
}
