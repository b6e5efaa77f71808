using ChatBrief.Core.Indexing;

namespace ChatBrief.Core.Search;

/// <summary>A candidate passage with the evidence the ranker found for it.</summary>
/// <param name="Passage">The stored passage.</param>
/// <param name="Score">The ranking model's score.</param>
/// <param name="Coverage">Share of the question's weighted terms that the passage contains (0..1).</param>
/// <param name="BestSentence">Index into the passage's sentences of the one that best answers.</param>
/// <param name="CoveredWords">How many of the question's written content words the passage contains.</param>
public sealed record RankedPassage(StoredPassage Passage, double Score, double Coverage, int BestSentence, int CoveredWords)
{
    /// <summary>The cosine of the question's embedding with the passage's, or null without vectors.</summary>
    public float? Cosine { get; init; }
}

/// <summary>
/// Orders candidates by the trained ranking model's score, except that when a question asks what someone said, passages
/// where that person speaks come first, provided they cover nearly as much of the question as the best passage does;
/// and when it asks what something is, passages that hold both its name and another spelling of it (its definition)
/// come next; and when it asks who wrote something, its author's bio paragraph comes next (the byline itself is not a
/// passage, so the bio is where the sources say who the author is).
/// </summary>
public sealed class PassageRanker(RankingModels models)
{
    // Set by hand, not learnt: SQuAD, the training data, has almost no "what did X say" questions, so the model cannot
    // weigh attribution; a rule can. The tolerance keeps a speaker who is off the topic from jumping the queue.
    private const double SpeakerCoverageTolerance = 0.2;

    // The semantic model's score plus this share of the lexical model's: on held-out questions it lifted "what did X say"
    // (NewsQA) by 2.8 points and kept SQuAD level, for 0.9 points on WikiQA; README, "Results".
    private const double LexicalShare = 0.25;

    /// <summary>The lexical model's scores, blended with the semantic model's when the candidates were measured with vectors.</summary>
    private double[] Score(IReadOnlyList<CandidateEvidence> candidates)
    {
        var lexical = models.Lexical.Score(candidates.Select(c => c.Features.Lexical).ToList());
        if (candidates[0].Features.Set != FeatureSet.Semantic || models.Semantic is null)
        {
            return lexical;
        }

        var semantic = models.Semantic.Score(candidates.Select(c => c.Features.Values).ToList());
        return semantic.Select((score, i) => score + LexicalShare * lexical[i]).ToArray();
    }

    public IReadOnlyList<RankedPassage> Rank(IReadOnlyList<CandidateEvidence> candidates)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        var speakerBar = candidates.Max(c => c.Coverage) - SpeakerCoverageTolerance;
        var scores = Score(candidates);
        return candidates
            .Select((c, i) => (Index: i, Speaks: c.SpeakerMatches && c.Coverage >= speakerBar, Ranked: new RankedPassage(c.Passage, scores[i], c.Coverage, c.BestSentence, c.CoveredWords) { Cosine = c.Cosine }))
            .OrderByDescending(c => c.Speaks)
            .ThenByDescending(c => candidates[c.Index].Defines)
            .ThenByDescending(c => candidates[c.Index].IntroducesAuthor && c.Ranked.Coverage >= speakerBar)
            .ThenByDescending(c => c.Ranked.Score)
            .Select(c => c.Ranked)
            .ToList();
    }
}
