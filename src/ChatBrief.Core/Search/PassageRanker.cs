using ChatBrief.Core.Indexing;

namespace ChatBrief.Core.Search;

/// <summary>A candidate passage with the evidence the ranker found for it.</summary>
/// <param name="Passage">The stored passage.</param>
/// <param name="Score">The final ranking score.</param>
/// <param name="Coverage">Share of the question's weighted terms that the passage contains (0..1).</param>
/// <param name="BestSentence">Index into the passage's sentences of the one that best answers.</param>
public sealed record RankedPassage(StoredPassage Passage, double Score, double Coverage, int BestSentence);

/// <summary>
/// Reorders Lucene's BM25 candidates with evidence BM25 cannot see: how much of the question's rare vocabulary one
/// sentence holds (questions are usually answered by one sentence), how much the whole passage holds, and whether a
/// person the question names is the one speaking.
/// </summary>
public sealed class PassageRanker
{
    // Weights of the evidence, chosen on SQuAD articles held out from the evaluation half (see README).
    private static readonly double LuceneWeight = double.Parse(Environment.GetEnvironmentVariable("CB_LuceneWeight") ?? "1.0", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly double CoverageWeight = double.Parse(Environment.GetEnvironmentVariable("CB_CoverageWeight") ?? "0.5", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly double SentenceWeight = double.Parse(Environment.GetEnvironmentVariable("CB_SentenceWeight") ?? "1.0", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly double AnswerTypeWeight = double.Parse(Environment.GetEnvironmentVariable("CB_AnswerTypeWeight") ?? "0.3", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly double SpeakerWeight = double.Parse(Environment.GetEnvironmentVariable("CB_SpeakerWeight") ?? "0.5", System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyList<RankedPassage> Rank(ParsedQuestion question, IReadOnlyList<(StoredPassage Passage, float Score)> candidates, PassageTermCache cache)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        var topLucene = candidates.Max(c => c.Score);
        var answerType = AnswerTypes.Expected(question.Text);
        var total = Math.Max(question.TotalWeight, double.Epsilon);
        var ranked = new List<RankedPassage>(candidates.Count);
        foreach (var (passage, luceneScore) in candidates)
        {
            var terms = cache.Get(passage);
            var coverage = CoveredWeight(question, terms.All) / total;
            var (bestSentence, sentenceCoverage) = BestSentence(question, terms, passage, answerType);
            var speaker = question.AsksForSpeaker && NamesASpeaker(question, passage) ? 1.0 : 0.0;
            var score = LuceneWeight * luceneScore / topLucene
                + CoverageWeight * coverage
                + SentenceWeight * sentenceCoverage / total
                + SpeakerWeight * speaker;
            ranked.Add(new RankedPassage(passage, score, coverage, bestSentence));
        }

        ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
        return ranked;
    }

    /// <summary>The sentence holding most of the question's weight, favouring one with a new word of the expected answer type.</summary>
    private static (int Index, double Weight) BestSentence(ParsedQuestion question, PassageTerms terms, StoredPassage passage, AnswerType answerType)
    {
        var best = (Index: 0, Weight: -1.0);
        var typeBonus = AnswerTypeWeight * question.TotalWeight;
        for (var i = 0; i < terms.Sentences.Count; i++)
        {
            var weight = CoveredWeight(question, terms.Sentences[i]);
            if (weight > 0 && answerType != AnswerType.Unknown && AnswerTypes.HasNewWordOfType(answerType, passage.Sentences[i].Of(passage.Text), question.Text))
            {
                weight += typeBonus;
            }

            if (weight > best.Weight)
            {
                best = (i, weight);
            }
        }

        return (best.Index, Math.Max(best.Weight, 0));
    }

    /// <summary>Weight of the question terms present in <paramref name="terms"/>, counting a term as present when an alias of it is.</summary>
    internal static double CoveredWeight(ParsedQuestion question, HashSet<string> terms)
    {
        var weight = 0.0;
        foreach (var term in question.Terms)
        {
            if (terms.Contains(term.Term) || question.Aliases.Any(a => a.StandsFor.Contains(term.Term) && a.Spelling.All(terms.Contains)))
            {
                weight += term.Weight;
            }
        }

        return weight;
    }

    private static bool NamesASpeaker(ParsedQuestion question, StoredPassage passage) =>
        passage.Speakers.Count > 0 && question.Terms.Any(t => passage.Speakers.Any(s => s.Contains(t.Term, StringComparison.OrdinalIgnoreCase)));
}
