using ChatBrief.Core.Indexing;
using Lucene.Net.Analysis;

namespace ChatBrief.Core.Search;

/// <summary>What a search found: passages best first, and whether they answer at all.</summary>
public sealed record SearchOutcome(ParsedQuestion Question, IReadOnlyList<RankedPassage> Passages, bool Abstained, string AbstentionReason);

/// <summary>Finds the passages that answer a question: BM25 candidates from Lucene, reranked, then judged by <see cref="AbstentionPolicy"/>.</summary>
public sealed class PassageSearcher(Analyzer analyzer)
{
    // Enough candidates for the reranker to lift a passage BM25 placed low, few enough to stay cheap.
    private const int Candidates = 40;

    private readonly QuestionParser _parser = new(analyzer);
    private readonly PassageRanker _ranker = new();
    private readonly StoredPassageCache _stored = new();

    public SearchOutcome Search(IndexLease index, string question, int maxQuestionLength, int wanted)
    {
        var parsed = _parser.Parse(question, maxQuestionLength, index.Searcher, index.Snapshot.Aliases);
        if (parsed.Terms.Count == 0)
        {
            return new SearchOutcome(parsed, [], true, "the question has no words to search for");
        }

        var query = QueryBuilder.Build(parsed);
        var hits = index.Searcher.Search(query, Math.Max(Candidates, wanted)).ScoreDocs;
        var candidates = hits
            .Select(hit => (_stored.Get(index.Searcher, hit.Doc), hit.Score))
            .ToList();
        var ranked = _ranker.Rank(parsed, candidates, index.Snapshot.PassageTerms);
        var verdict = AbstentionPolicy.Judge(parsed, ranked);
        return new SearchOutcome(parsed, ranked, verdict is not null, verdict ?? "");
    }
}
