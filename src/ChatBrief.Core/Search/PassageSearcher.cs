using ChatBrief.Core.Indexing;
using ChatBrief.Core.Semantic;
using Lucene.Net.Analysis;

namespace ChatBrief.Core.Search;

/// <summary>What a search found: passages best first, and whether they answer at all.</summary>
/// <param name="Evidence">What the abstention model read of the best passage, or null without vectors.</param>
public sealed record SearchOutcome(ParsedQuestion Question, IReadOnlyList<RankedPassage> Passages, bool Abstained, string AbstentionReason, AnswerEvidence? Evidence = null);

/// <summary>Finds the passages that answer a question: BM25 candidates from Lucene and the passages nearest in meaning, reranked, then judged by <see cref="AbstentionPolicy"/>.</summary>
public sealed class PassageSearcher(Analyzer analyzer, PassageRanker ranker, IPassageEmbedder? embedder = null)
{
    private readonly CandidateCollector _collector = new(analyzer, embedder);

    public async Task<SearchOutcome> SearchAsync(IndexLease index, string question, int maxQuestionLength, int wanted)
    {
        var (parsed, candidates) = await _collector.CollectAsync(index, question, maxQuestionLength, wanted);
        if (parsed.Terms.Count == 0)
        {
            return new SearchOutcome(parsed, [], true, "the question has no words to search for");
        }

        var ranked = ranker.Rank(candidates);
        var verdict = AbstentionPolicy.Judge(parsed, ranked);
        return new SearchOutcome(parsed, ranked, verdict.Abstains, verdict.Reason ?? "", verdict.Evidence);
    }
}
