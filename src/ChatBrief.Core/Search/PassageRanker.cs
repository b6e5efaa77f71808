using ChatBrief.Core.Indexing;

namespace ChatBrief.Core.Search;

/// <summary>A candidate passage with the evidence the ranker found for it.</summary>
/// <param name="Passage">The stored passage.</param>
/// <param name="Score">The final ranking score.</param>
/// <param name="Coverage">Share of the question's weighted terms that the passage contains (0..1).</param>
/// <param name="BestSentence">Index into the passage's sentences of the one that best answers.</param>
/// <param name="CoveredWords">How many of the question's written content words the passage contains.</param>
public sealed record RankedPassage(StoredPassage Passage, double Score, double Coverage, int BestSentence, int CoveredWords);

/// <summary>
/// Reorders Lucene's BM25 candidates with evidence BM25 cannot see: how much of the question's rare vocabulary one
/// sentence holds (questions are usually answered by one sentence), how much the whole passage and its title hold, how
/// close together the words stand, whether the sentence repeats the question's own word pairs, whether the sentence holds the kind of word the question asks for ("when" wants a
/// date), and whether a person the question names is the one speaking.
/// </summary>
public sealed partial class PassageRanker
{
    // A linear model over the evidence below. The weights were fitted with a listwise (softmax) loss on the SQuAD dev
    // questions of every other article (sorted by title); the other half of the articles is kept for reporting (README).
    private const double LuceneWeight = 0.656;
    private const double CoverageWeight = 1.722;
    private const double SentenceCoverageWeight = 0.625;
    private const double SentenceBm25Weight = 0.537;
    private const double AnswerTypeWeight = 0.289;
    private const double DensityWeight = 0.108;
    private const double TitleWeight = 1.129;
    private const double SentenceShareWeight = -0.272;
    private const double WordPairWeight = 0.889;
    // Set by hand, not fitted: SQuAD has almost no "what did X say" questions. One unit outweighs a repeated mention.
    private const double SpeakerWeight = 1.0;
    private const double LengthWeight = -0.906;

    // When choosing the sentence to show, a sentence with a new word of the expected type gets this share of the question's weight.
    private const double AnswerTypeSentenceBonus = 0.15;

    public IReadOnlyList<RankedPassage> Rank(ParsedQuestion question, IReadOnlyList<(StoredPassage Passage, float Score)> candidates, PassageTermCache cache)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        var topLucene = candidates.Max(c => c.Score);
        var answerType = AnswerTypes.Expected(question.Text);
        var total = Math.Max(question.TotalWeight, double.Epsilon);
        var questionPairs = WordPairs(question.Text);
        var ranked = new List<RankedPassage>(candidates.Count);
        foreach (var (passage, luceneScore) in candidates)
        {
            var terms = cache.Get(passage);
            var coverage = CoveredWeight(question, terms.All.Contains) / total;
            var best = BestSentence(question, terms, passage, answerType);
            var sentenceShare = question.Terms.Count == 0 ? 0 : question.Terms.Count(t => terms.Sentences[best.Index].Contains(t.Term)) / (double)question.Terms.Count;
            var speaker = question.AsksForSpeaker && question.Terms.Any(t => terms.SpeakerTerms.Contains(t.Term));
            var score = LuceneWeight * luceneScore / topLucene
                + CoverageWeight * coverage
                + SentenceCoverageWeight * best.Coverage / total
                + SentenceBm25Weight * best.Bm25 / total
                + AnswerTypeWeight * (best.HasAnswerType ? 1 : 0)
                + DensityWeight * Density(question, terms, passage, best.Index)
                + TitleWeight * CoveredWeight(question, terms.TitleTerms.Contains) / total
                + SentenceShareWeight * sentenceShare
                + WordPairWeight * SharedWordPairs(questionPairs, passage.Sentences[best.Index].Of(passage.Text))
                + SpeakerWeight * (speaker ? 1 : 0)
                + LengthWeight * Math.Log(1 + terms.Tokens.Count) / 6;
            var coveredWords = question.Words.Count(word => word.Any(terms.All.Contains));
            ranked.Add(new RankedPassage(passage, score, coverage, best.Index, coveredWords));
        }

        ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
        return ranked;
    }

    private readonly record struct SentenceMatch(int Index, double Coverage, double Bm25, bool HasAnswerType);

    /// <summary>The sentence holding most of the question's weight, favouring one with a new word of the expected answer type.</summary>
    private static SentenceMatch BestSentence(ParsedQuestion question, PassageTerms terms, StoredPassage passage, AnswerType answerType)
    {
        var best = new SentenceMatch(0, -1, 0, false);
        var bestRank = -1.0;
        var bestBm25 = 0.0;
        var typeBonus = AnswerTypeSentenceBonus * question.TotalWeight;
        for (var i = 0; i < terms.Sentences.Count; i++)
        {
            var sentence = terms.Sentences[i];
            var coverage = CoveredWeight(question, sentence.Contains);
            var hasType = coverage > 0 && answerType != AnswerType.Unknown && AnswerTypes.HasNewWordOfType(answerType, passage.Sentences[i].Of(passage.Text), question.Text);
            var rank = coverage + (hasType ? typeBonus : 0);
            if (rank > bestRank)
            {
                bestRank = rank;
                best = new SentenceMatch(i, coverage, 0, hasType);
            }

            bestBm25 = Math.Max(bestBm25, SentenceBm25(question, sentence));
        }

        return best with { Coverage = Math.Max(best.Coverage, 0), Bm25 = bestBm25 };
    }

    private static double SentenceBm25(ParsedQuestion question, SentenceTerms sentence)
    {
        const double k1 = 1.2, b = 0.5, average = 15;
        var norm = k1 * (1 - b + b * sentence.Length / average);
        var score = 0.0;
        foreach (var term in question.Terms)
        {
            if (sentence.Counts.TryGetValue(term.Term, out var frequency))
            {
                score += term.Weight * frequency * (k1 + 1) / (frequency + norm);
            }
        }

        return score;
    }

    /// <summary>
    /// Share of the question's adjacent word pairs, as written (lower-cased, unstemmed, stop words kept), that the sentence
    /// also has: a question that reuses the source's wording ("the first since August") finds it exactly.
    /// </summary>
    private static double SharedWordPairs(HashSet<string> questionPairs, string sentence) =>
        questionPairs.Count == 0 ? 0 : questionPairs.Intersect(WordPairs(sentence)).Count() / (double)questionPairs.Count;

    private static HashSet<string> WordPairs(string text)
    {
        var words = Words().Matches(text.ToLowerInvariant());
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < words.Count; i++)
        {
            pairs.Add(string.Concat(words[i].Value, " ", words[i + 1].Value));
        }

        return pairs;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial System.Text.RegularExpressions.Regex Words();

    /// <summary>How tightly the question's words sit in the sentence: matched words over the span they cover.</summary>
    private static double Density(ParsedQuestion question, PassageTerms terms, StoredPassage passage, int sentence)
    {
        var span = passage.Sentences[sentence];
        var positions = terms.Tokens.Where(t => t.StartOffset >= span.Start && t.StartOffset < span.End && question.TermSet.Contains(t.Term)).ToList();
        if (positions.Count < 2)
        {
            return positions.Count;
        }

        var distinct = positions.Select(p => p.Term).Distinct().Count();
        var width = positions[^1].Position - positions[0].Position + 1;
        return (double)distinct / width;
    }

    /// <summary>Weight of the question terms present in <paramref name="terms"/>, counting a term as present when an alias of it is.</summary>
    private static double CoveredWeight(ParsedQuestion question, Func<string, bool> contains)
    {
        var weight = 0.0;
        foreach (var term in question.Terms)
        {
            if (contains(term.Term) || question.Aliases.Any(a => a.StandsFor.Contains(term.Term) && a.Spelling.All(contains)))
            {
                weight += term.Weight;
            }
        }

        return weight;
    }
}
